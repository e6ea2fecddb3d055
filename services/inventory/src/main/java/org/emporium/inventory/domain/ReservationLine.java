package org.emporium.inventory.domain;

/** So many units of one SKU, as asked for in a reservation. */
public record ReservationLine(String sku, int quantity) {
}
