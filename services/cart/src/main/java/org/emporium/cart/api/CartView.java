package org.emporium.cart.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A cart as the shopper sees it: names and unit prices as the catalog has them now, availability
 * as inventory has it now. {@code partial} is true when catalog or inventory could not be asked:
 * the unknown fields are then null (and {@code total} too, when a price is missing).
 */
public record CartView(UUID id, List<Line> lines, Amount total, int itemCount, long version, boolean partial,
                       Instant createdAt, Instant updatedAt) {

    /**
     * One line: a SKU with the options chosen for it ({@code {}} when none; the same SKU in two sizes
     * is two lines). {@code available} is per SKU, as inventory counts; {@code inStock} says whether
     * it covers the units of the SKU on all the cart's lines.
     */
    public record Line(String sku, Map<String, String> options, String name, Amount unitPrice, int quantity,
                       Amount lineTotal, Integer available, Boolean inStock) {
    }

    /** Money with the amount as a decimal string with two places: no binary floating point. */
    public record Amount(String amount, String currency) {

        static Amount of(BigDecimal amount, String currency) {
            return new Amount(amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), currency);
        }
    }
}
