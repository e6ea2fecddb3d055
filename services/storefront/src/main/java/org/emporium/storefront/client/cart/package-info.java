/** The cart API: the shopper's cart and its changes, under a fault tolerance policy that never retries a change. */
package org.emporium.storefront.client.cart;
