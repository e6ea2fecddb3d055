package org.emporium.cart.client;

/** What the cart reads of a catalog product; the catalog's other fields are ignored. */
public record Product(String sku, String name, Money price) {
}
