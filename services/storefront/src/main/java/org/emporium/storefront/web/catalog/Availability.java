package org.emporium.storefront.web.catalog;

import java.util.Optional;

/**
 * What the product page says about stock: "In stock", "Only 3 left" (at most {@link #FEW} left) or
 * "Out of stock" (the add button is disabled). When inventory couldn't say, nothing is shown and
 * the button stays enabled: the cart checks stock when the item is added.
 *
 * @param level {@code in}, {@code low} or {@code out} (a CSS modifier), or null when unknown
 */
public record Availability(String label, String level, boolean soldOut) {

    public static final int FEW = 5;
    static final Availability UNKNOWN = new Availability(null, null, false);

    static Availability of(Optional<Integer> available) {
        if (available.isEmpty()) {
            return UNKNOWN;
        }
        int units = available.get();
        if (units <= 0) {
            return new Availability("Out of stock", "out", true);
        }
        if (units <= FEW) {
            return new Availability("Only " + units + " left", "low", false);
        }
        return new Availability("In stock", "in", false);
    }

    public boolean known() {
        return label != null;
    }
}
