/** The inventory API: a product's stock, cached, under a fault tolerance policy. */
package org.emporium.storefront.client.inventory;
