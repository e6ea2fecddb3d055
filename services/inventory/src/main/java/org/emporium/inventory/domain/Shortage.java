package org.emporium.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A line that cannot be reserved: more requested than available, or a SKU inventory does not know. */
public record Shortage(String sku, int requested, int available, Reason reason) {

    public enum Reason { INSUFFICIENT_STOCK, UNKNOWN_SKU }

    /** Every line that the current stock cannot cover; empty means all of them can be reserved. */
    public static List<Shortage> of(List<ReservationLine> lines, Map<String, StockLevel> stock) {
        List<Shortage> shortages = new ArrayList<>();
        for (ReservationLine line : lines) {
            StockLevel level = stock.get(line.sku());
            if (level == null) {
                shortages.add(new Shortage(line.sku(), line.quantity(), 0, Reason.UNKNOWN_SKU));
            } else if (level.available() < line.quantity()) {
                shortages.add(new Shortage(line.sku(), line.quantity(), level.available(), Reason.INSUFFICIENT_STOCK));
            }
        }
        return shortages;
    }
}
