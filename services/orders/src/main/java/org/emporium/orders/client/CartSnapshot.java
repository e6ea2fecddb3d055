package org.emporium.orders.client;

import java.util.List;
import java.util.UUID;

/**
 * A cart as the cart service shows it now: names and prices read from the catalog at this moment.
 * {@code partial} is true when the cart could not ask the catalog: then prices are missing.
 */
public record CartSnapshot(UUID id, List<Line> lines, Money total, boolean partial) {

    public record Line(String sku, String name, Money unitPrice, int quantity, Money lineTotal) {
    }

    public record Money(String amount, String currency) {
    }
}
