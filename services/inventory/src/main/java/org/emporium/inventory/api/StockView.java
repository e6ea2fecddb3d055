package org.emporium.inventory.api;

import org.emporium.inventory.domain.StockLevel;

/** What shoppers and services see of a SKU's stock; how much is on the shelf stays internal. */
public record StockView(String sku, int available, int reserved) {

    static StockView of(StockLevel level) {
        return new StockView(level.sku(), level.available(), level.reserved());
    }
}
