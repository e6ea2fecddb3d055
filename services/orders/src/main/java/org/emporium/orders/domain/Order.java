package org.emporium.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An order: what was bought at which price (the cart's snapshot at placement), where it goes,
 * the card as a token, and where its checkout is. {@code owner} is the account that placed it
 * (null: a guest order, reachable by its id alone).
 */
public record Order(UUID id, UUID cartId, String owner, String email, Address shippingAddress, Card card, List<Line> lines,
                    BigDecimal total, String currency, Step step, int attempts, CancelReason reason,
                    String detail, Instant createdAt, Instant updatedAt, Instant confirmedAt,
                    Instant cancelledAt, List<StepTaken> history) {

    public OrderStatus status() {
        return step.status();
    }

    /**
     * One line: a SKU with the options chosen for it in the cart (such as {@code size: M}; empty when
     * none), so the same SKU in two sizes is two lines. Stock is per SKU: see {@link #unitsPerSku()}.
     */
    public record Line(String sku, Map<String, String> options, String name, int quantity, BigDecimal unitPrice,
                       BigDecimal lineTotal) {

        public Line {
            options = options == null || options.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new TreeMap<>(options));
        }

        public Line(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
            this(sku, Map.of(), name, quantity, unitPrice, lineTotal);
        }
    }

    /**
     * Units per SKU, the lines of one SKU (its sizes) summed, in the order SKUs first appear: what
     * inventory reserves, as it knows no options and takes each SKU once per reservation.
     */
    public Map<String, Integer> unitsPerSku() {
        Map<String, Integer> units = new java.util.LinkedHashMap<>();
        lines.forEach(l -> units.merge(l.sku(), l.quantity(), Integer::sum));
        return units;
    }

    public record Address(String name, String line1, String line2, String city, String region, String postalCode,
                          String country) {
    }

    /** The payment provider's token for the card, and what may be shown of it. */
    public record Card(String token, String last4, String brand) {
        @Override
        public String toString() {
            return "Card[" + brand + " …" + last4 + "]";
        }
    }

    /** One step of the checkout and what caused it (a reply, a deadline, the placement). */
    public record StepTaken(Step step, String cause, Instant at) {
    }
}
