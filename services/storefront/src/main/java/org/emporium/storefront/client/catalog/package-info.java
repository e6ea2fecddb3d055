/** The catalog API: products and categories, cached, under a fault tolerance policy. */
package org.emporium.storefront.client.catalog;
