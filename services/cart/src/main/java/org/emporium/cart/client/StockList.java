package org.emporium.cart.client;

import java.util.List;

/** Inventory's answer to {@code GET /api/inventory?skus=...}. */
public record StockList(List<Item> items, List<String> unknown) {

    public record Item(String sku, int available, int reserved) {
    }
}
