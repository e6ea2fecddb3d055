package org.emporium.orders.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.emporium.orders.domain.Order;

/**
 * {@code GET /api/orders}: one page of the caller's orders, newest first; {@code total} is how
 * many orders the account has in all.
 */
public record OrderPage(List<Summary> items, int page, int size, long total) {

    /** An order in a list: what {@code GET /api/orders/{id}} shows, without address, card and steps. */
    @Schema(name = "OrderSummary")
    public record Summary(UUID id, String status, String reason, OrderView.Money total, int itemCount,
                          List<OrderView.Line> lines, Instant createdAt, Instant updatedAt) {

        static Summary of(Order o) {
            List<OrderView.Line> lines = OrderView.lines(o);
            return new Summary(o.id(), o.status().name(), o.reason() == null ? null : o.reason().name(),
                    OrderView.Money.of(o.total(), o.currency()), lines.stream().mapToInt(OrderView.Line::quantity).sum(),
                    lines, o.createdAt(), o.updatedAt());
        }
    }
}
