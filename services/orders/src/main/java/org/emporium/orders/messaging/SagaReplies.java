package org.emporium.orders.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.emporium.orders.domain.Reply;
import org.emporium.platform.outbox.CloudEventEnvelope;

/**
 * Reads the participants' events (CloudEvents, structured JSON) as replies to the saga: the order
 * id they concern and what they mean to it. Events the saga does not wait for (stock levels,
 * refunds) are no reply at all.
 */
public final class SagaReplies {

    /** A reply to one order's checkout. */
    public record Addressed(UUID orderId, Reply reply) {
    }

    /** A record that is not a CloudEvent the saga can read; no retry could change that. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final ObjectMapper json;

    public SagaReplies(ObjectMapper json) {
        this.json = json;
    }

    public Optional<Addressed> read(byte[] value) throws Unreadable {
        CloudEventEnvelope event;
        try {
            event = CloudEventEnvelope.read(json, value);
        } catch (CloudEventEnvelope.Unreadable e) {
            throw new Unreadable(e.getMessage());
        }
        JsonNode data = event.data();
        String type = event.type();
        if (type.isEmpty()) {
            throw new Unreadable("a CloudEvent without a type");
        }
        return switch (type) {
            case "emporium.inventory.StockReserved" -> reply(data, "reservationId", new Reply.StockReserved());
            case "emporium.inventory.StockReservationRejected" ->
                    reply(data, "reservationId", new Reply.StockRejected(shortages(data)));
            case "emporium.inventory.StockCommitted" -> reply(data, "reservationId", new Reply.StockCommitted());
            case "emporium.inventory.StockReleased" -> reply(data, "reservationId",
                    new Reply.StockReleased("EXPIRED".equals(data.path("reason").asText())));
            case "emporium.payments.PaymentAuthorized" -> reply(data, "paymentId", new Reply.PaymentAuthorized());
            case "emporium.payments.PaymentDeclined" ->
                    reply(data, "paymentId", new Reply.PaymentDeclined(text(data, "reason")));
            case "emporium.payments.PaymentFailed" ->
                    reply(data, "paymentId", new Reply.PaymentFailed(text(data, "reason")));
            case "emporium.payments.PaymentCaptured" -> reply(data, "paymentId", new Reply.PaymentCaptured());
            case "emporium.payments.PaymentVoided" -> reply(data, "paymentId", new Reply.PaymentVoided());
            default -> Optional.empty();
        };
    }

    private static Optional<Addressed> reply(JsonNode data, String idField, Reply reply) throws Unreadable {
        try {
            return Optional.of(new Addressed(UUID.fromString(data.path(idField).asText()), reply));
        } catch (IllegalArgumentException e) {
            throw new Unreadable(idField + " is not a UUID");
        }
    }

    private static String text(JsonNode data, String field) {
        return data.path(field).isTextual() ? data.get(field).asText() : null;
    }

    /** "not enough stock for ABC-1 (requested 2, available 1)", from a rejection's shortages. */
    private static String shortages(JsonNode data) {
        JsonNode shortages = data.path("shortages");
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
