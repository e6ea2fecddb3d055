/** The storefront's upstreams, one package each, and what their clients share: the bounded cache, problem details, money and SKUs. */
package org.emporium.storefront.client;
