/** Catalog (names, prices) and inventory (availability) over REST, under fault tolerance. */
package org.emporium.cart.client;
