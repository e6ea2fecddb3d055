package org.emporium.orders.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.emporium.orders.domain.Order;

/**
 * An order as its shopper sees it: status (PENDING, CONFIRMED or CANCELLED, with a reason code
 * and words), what was bought at which price, where it goes, the card's last four digits, and
 * every step of its checkout with the time it was taken.
 */
public record OrderView(UUID id, String status, String reason, String detail, String email, List<Line> lines,
                        Money total, Order.Address shippingAddress, Card payment, Instant createdAt,
                        Instant updatedAt, Instant confirmedAt, Instant cancelledAt, List<StepView> steps) {

    /** One line: a SKU with the options chosen for it ({@code {}} when none); two sizes of a SKU are two lines. */
    public record Line(String sku, Map<String, String> options, String name, int quantity, Money unitPrice,
                       Money lineTotal) {
    }

    public record Money(String amount, String currency) {
        static Money of(BigDecimal amount, String currency) {
            return new Money(amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), currency);
        }
    }

    public record Card(String brand, String last4) {
    }

    public record StepView(String step, String cause, Instant at) {
    }

    static List<Line> lines(Order o) {
        return o.lines().stream().map(l -> new Line(l.sku(), l.options(), l.name(), l.quantity(),
                Money.of(l.unitPrice(), o.currency()), Money.of(l.lineTotal(), o.currency()))).toList();
    }

    /** What POST answers: enough to follow the order. */
    @Schema(name = "OrderAccepted")
    public record Accepted(UUID id, String status) {
    }

    static OrderView of(Order o) {
        return new OrderView(o.id(), o.status().name(), o.reason() == null ? null : o.reason().name(), o.detail(),
                o.email(), lines(o), Money.of(o.total(), o.currency()), o.shippingAddress(),
                new Card(o.card().brand(), o.card().last4()),
                o.createdAt(), o.updatedAt(), o.confirmedAt(), o.cancelledAt(),
                o.history().stream().map(s -> new StepView(s.step().name(), s.cause(), s.at())).toList());
    }
}
