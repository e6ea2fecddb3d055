package org.emporium.orders.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.emporium.orders.domain.Reply;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.Fields;
import org.emporium.platform.messaging.MalformedEvent;

/**
 * Reads the participants' events as replies to the saga: the order
 * id they concern and what they mean to it. Events the saga does not wait for (stock levels,
 * refunds) are no reply at all.
 */
public final class SagaReplies {

    /**
     * A reply to one order's checkout, and the event it came in: what the reply causes is done in
     * the event's span ({@link Envelope#activate}), so it continues the order's trace.
     */
    public record Addressed(UUID orderId, Reply reply, Envelope event) {
    }

    private SagaReplies() {
    }

    public static Optional<Addressed> read(Envelope event) throws MalformedEvent {
        Fields data = event.data();
        String type = event.type();
        if (type.isEmpty()) {
            throw new MalformedEvent("a CloudEvent without a type");
        }
        return switch (type) {
            case "emporium.inventory.StockReserved" -> reply(event, "reservationId", new Reply.StockReserved());
            case "emporium.inventory.StockReservationRejected" ->
                    reply(event, "reservationId", new Reply.StockRejected(shortages(data)));
            case "emporium.inventory.StockCommitted" -> reply(event, "reservationId", new Reply.StockCommitted());
            case "emporium.inventory.StockReleased" -> reply(event, "reservationId",
                    new Reply.StockReleased("EXPIRED".equals(data.optionalText("reason"))));
            case "emporium.payments.PaymentAuthorized" -> reply(event, "paymentId", new Reply.PaymentAuthorized());
            case "emporium.payments.PaymentDeclined" ->
                    reply(event, "paymentId", new Reply.PaymentDeclined(data.optionalText("reason")));
            case "emporium.payments.PaymentFailed" ->
                    reply(event, "paymentId", new Reply.PaymentFailed(data.optionalText("reason")));
            case "emporium.payments.PaymentCaptured" -> reply(event, "paymentId", new Reply.PaymentCaptured());
            case "emporium.payments.PaymentVoided" -> reply(event, "paymentId", new Reply.PaymentVoided());
            default -> Optional.empty();
        };
    }

    private static Optional<Addressed> reply(Envelope event, String idField, Reply reply) throws MalformedEvent {
        return Optional.of(new Addressed(event.data().uuid(idField), reply, event));
    }

    /** "not enough stock for ABC-1 (requested 2, available 1)", from a rejection's shortages. */
    private static String shortages(Fields data) {
        JsonNode shortages = data.node("shortages");
        if (!shortages.isArray() || shortages.isEmpty()) {
            return null;
        }
        return "not enough stock for " + StreamSupport.stream(shortages.spliterator(), false)
                .map(s -> "UNKNOWN_SKU".equals(s.path("reason").asText())
                        ? s.path("sku").asText() + " (no longer sold)"
                        : s.path("sku").asText() + " (requested " + s.path("requested").asInt()
                        + ", available " + s.path("available").asInt() + ")")
                .collect(Collectors.joining(", "));
    }
}
