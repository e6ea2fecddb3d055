package org.emporium.orders.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.emporium.orders.domain.Command;
import org.emporium.orders.domain.Order;
import org.emporium.platform.outbox.OutboxEvent;

/**
 * The saga's messages as the contracts define them (contracts/events/orders.*, inventory.* and
 * payments.* commands): the order's events on {@code orders.order.v1} and the commands to the
 * participants, all keyed by order id, which is also the reservation id and the payment id, so a
 * participant sees one order's commands in the order they were sent.
 */
public final class SagaMessages {

    public static final String ORDERS_TOPIC = "orders.order.v1";
    public static final String INVENTORY_COMMANDS = "inventory.commands.v1";
    public static final String PAYMENTS_COMMANDS = "payments.commands.v1";

    public static final String ORDER_PLACED = "emporium.orders.OrderPlaced";
    public static final String ORDER_CONFIRMED = "emporium.orders.OrderConfirmed";
    public static final String ORDER_CANCELLED = "emporium.orders.OrderCancelled";

    private SagaMessages() {
    }

    public record Money(String amount, String currency) {
        static Money of(BigDecimal amount, String currency) {
            return new Money(amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), currency);
        }
    }

    /** An order line in an event; {@code options} (added later, optional in the schemas) as on the order. */
    public record EventLine(String sku, Map<String, String> options, String name, int quantity, Money unitPrice,
                            Money lineTotal) {
    }

    public record OrderPlaced(UUID orderId, UUID cartId, String email, List<EventLine> lines, Money total,
                              Order.Address shippingAddress, Instant placedAt) {
    }

    public record OrderConfirmed(UUID orderId, String email, List<EventLine> lines, Money total,
                                 Order.Address shippingAddress, String last4, Instant confirmedAt) {
    }

    public record OrderCancelled(UUID orderId, String email, List<EventLine> lines, Money total, String reason,
                                 String detail, Instant cancelledAt) {
    }

    record StockLine(String sku, int quantity) {
    }

    record ReserveStock(UUID reservationId, List<StockLine> lines, long ttlSeconds) {
    }

    record ReservationCommand(UUID reservationId) {
    }

    record CardRef(String token, String last4, String brand) {
    }

    record AuthorizePayment(UUID paymentId, UUID orderId, Money amount, CardRef card) {
    }

    record PaymentCommand(UUID paymentId) {
    }

    public static OutboxEvent placed(Order o) {
        return event(o, ORDER_PLACED, new OrderPlaced(o.id(), o.cartId(), o.email(), lines(o), total(o),
                o.shippingAddress(), o.createdAt()));
    }

    public static OutboxEvent confirmed(Order o, Instant at) {
        return event(o, ORDER_CONFIRMED, new OrderConfirmed(o.id(), o.email(), lines(o), total(o),
                o.shippingAddress(), o.card().last4(), at));
    }

    public static OutboxEvent cancelled(Order o, String reason, String detail, Instant at) {
        return event(o, ORDER_CANCELLED, new OrderCancelled(o.id(), o.email(), lines(o), total(o), reason, detail, at));
    }

    /** The message that carries {@code command} for order {@code o}. */
    public static OutboxEvent command(Order o, Command command, long reservationTtlSeconds) {
        String key = o.id().toString();
        return switch (command) {
            case RESERVE_STOCK -> new OutboxEvent(INVENTORY_COMMANDS, key, "emporium.inventory.ReserveStock",
                    // inventory knows no options and refuses a SKU twice: a SKU's lines (sizes) summed
                    new ReserveStock(o.id(), o.unitsPerSku().entrySet().stream()
                            .map(e -> new StockLine(e.getKey(), e.getValue())).toList(), reservationTtlSeconds));
            case COMMIT_STOCK -> new OutboxEvent(INVENTORY_COMMANDS, key, "emporium.inventory.CommitReservation",
                    new ReservationCommand(o.id()));
            case RELEASE_STOCK -> new OutboxEvent(INVENTORY_COMMANDS, key, "emporium.inventory.ReleaseReservation",
                    new ReservationCommand(o.id()));
            case AUTHORIZE_PAYMENT -> new OutboxEvent(PAYMENTS_COMMANDS, key, "emporium.payments.AuthorizePayment",
                    new AuthorizePayment(o.id(), o.id(), total(o),
                            new CardRef(o.card().token(), o.card().last4(), o.card().brand())));
            case CAPTURE_PAYMENT -> new OutboxEvent(PAYMENTS_COMMANDS, key, "emporium.payments.CapturePayment",
                    new PaymentCommand(o.id()));
            case VOID_PAYMENT -> new OutboxEvent(PAYMENTS_COMMANDS, key, "emporium.payments.VoidPayment",
                    new PaymentCommand(o.id()));
        };
    }

    private static OutboxEvent event(Order o, String type, Object data) {
        return new OutboxEvent(ORDERS_TOPIC, o.id().toString(), type, data);
    }

    private static List<EventLine> lines(Order o) {
        return o.lines().stream().map(l -> new EventLine(l.sku(), l.options(), l.name(), l.quantity(),
                Money.of(l.unitPrice(), o.currency()), Money.of(l.lineTotal(), o.currency()))).toList();
    }

    private static Money total(Order o) {
        return Money.of(o.total(), o.currency());
    }
}
