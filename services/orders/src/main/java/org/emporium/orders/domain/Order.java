package org.emporium.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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

    public record Line(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
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
