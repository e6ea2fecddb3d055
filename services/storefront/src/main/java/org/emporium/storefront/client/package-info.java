/**
 * The storefront's side of the catalog and search APIs: the REST clients, their DTOs, the caches
 * and the resilience policies.
 */
package org.emporium.storefront.client;
