/** The orders API: placing, reading and following orders (the server-sent events relay), under a fault tolerance policy. */
package org.emporium.storefront.client.orders;
