package org.emporium.inventory.api;

import org.emporium.inventory.domain.StockLevel;

/** The whole stock row, for the admin who just set it. */
public record AdminStockView(String sku, int onHand, int reserved, int available, long version) {

    static AdminStockView of(StockLevel level) {
        return new AdminStockView(level.sku(), level.onHand(), level.reserved(), level.available(), level.version());
    }
}
