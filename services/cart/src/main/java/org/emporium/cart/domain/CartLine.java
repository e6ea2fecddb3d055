package org.emporium.cart.domain;

/** One line: a SKU and how many units of it. */
public record CartLine(String sku, int quantity) {
}
