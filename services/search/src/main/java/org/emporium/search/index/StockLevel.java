package org.emporium.search.index;

import java.util.Objects;

/**
 * What a {@code StockLevelChanged} event tells search about one SKU: how many units can still be
 * reserved ({@code available}, 0 = out of stock) and the {@code version} of that level, which
 * grows with every change of the SKU's stock; the index never lets an older version win.
 */
public record StockLevel(String sku, int available, long version) {

    public StockLevel {
        Objects.requireNonNull(sku, "sku");
        if (available < 0) {
            throw new IllegalArgumentException("available must not be negative: " + available);
        }
    }

    public boolean inStock() {
        return available > 0;
    }
}
