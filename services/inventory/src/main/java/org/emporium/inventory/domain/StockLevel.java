package org.emporium.inventory.domain;

/** The stock of one SKU; {@code version} grows with every change, so consumers can drop stale news. */
public record StockLevel(String sku, int onHand, int reserved, long version) {

    public int available() {
        return onHand - reserved;
    }
}
