/** The storefront's side of the catalog API: the REST client, its DTOs and its resilience policy. */
package org.emporium.storefront.client;
