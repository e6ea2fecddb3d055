package org.emporium.orders.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cart as the cart service shows it now: names and prices read from the catalog at this moment.
 * {@code partial} is true when the cart could not ask the catalog: then prices are missing.
 */
public record CartSnapshot(UUID id, List<Line> lines, Money total, boolean partial) {

    /**
     * One line; {@code options} are the choices made for the SKU (such as {@code size: M}), empty
     * when none or from a cart that predates options. The same SKU may be on two lines with other options.
     */
    public record Line(String sku, Map<String, String> options, String name, Money unitPrice, int quantity,
                       Money lineTotal) {

        public Line {
            options = options == null ? Map.of() : options;
        }
    }

    public record Money(String amount, String currency) {
    }
}
