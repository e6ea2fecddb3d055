package org.emporium.payments.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.emporium.payments.domain.Money;
import org.emporium.platform.outbox.CloudEventEnvelope;

/**
 * A command on {@code payments.commands.v1}: a CloudEvent in structured JSON mode whose type names
 * the command and whose data carries the payment id the saga chose (the order id). Schemas:
 * contracts/events/payments.AuthorizePayment.json and siblings.
 */
public sealed interface PaymentCommand {

    String AUTHORIZE = "emporium.payments.AuthorizePayment";
    String CAPTURE = "emporium.payments.CapturePayment";
    String VOID = "emporium.payments.VoidPayment";
    String REFUND = "emporium.payments.RefundPayment";

    UUID paymentId();

    record AuthorizePayment(UUID paymentId, UUID orderId, Money amount, String cardToken, String last4, String brand)
            implements PaymentCommand {
    }

    record CapturePayment(UUID paymentId) implements PaymentCommand {
    }

    record VoidPayment(UUID paymentId) implements PaymentCommand {
    }

    record RefundPayment(UUID paymentId) implements PaymentCommand {
    }

    /** A record that is no command of ours: skipped, with a warning naming why (never the values). */
    final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static PaymentCommand parse(ObjectMapper json, byte[] value) throws Malformed {
        CloudEventEnvelope event;
        try {
            event = CloudEventEnvelope.read(json, value);
        } catch (CloudEventEnvelope.Unreadable e) {
            throw new Malformed(e.getMessage());
        }
        String type = event.type();
        JsonNode data = event.data();
        UUID id = uuid(data, "paymentId");
        return switch (type) {
            case AUTHORIZE -> authorize(id, data);
            case CAPTURE -> new CapturePayment(id);
            case VOID -> new VoidPayment(id);
            case REFUND -> new RefundPayment(id);
            default -> throw new Malformed("unknown type '" + abbreviate(type) + "'");
        };
    }

    private static AuthorizePayment authorize(UUID id, JsonNode data) throws Malformed {
        UUID orderId = uuid(data, "orderId");
        Money amount;
        try {
            amount = Money.parse(text(data.path("amount").path("amount")), text(data.path("amount").path("currency")));
        } catch (IllegalArgumentException e) {
            throw new Malformed("data.amount: " + e.getMessage());
        }
        JsonNode card = data.path("card");
        String token = text(card.path("token"));
        String last4 = text(card.path("last4"));
        String brand = text(card.path("brand"));
        if (token == null || token.isEmpty() || token.length() > 200) {
            throw new Malformed("data.card.token must be text of 1 to 200 characters");
        }
        if (last4 == null || !last4.matches("[0-9]{4}")) {
            throw new Malformed("data.card.last4 must be four digits");
        }
        if (brand == null || brand.isEmpty() || brand.length() > 20) {
            throw new Malformed("data.card.brand must be text of 1 to 20 characters");
        }
        return new AuthorizePayment(id, orderId, amount, token, last4, brand);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static UUID uuid(JsonNode data, String field) throws Malformed {
        JsonNode node = data.path(field);
        try {
            if (!node.isTextual() || node.asText().length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw new Malformed("data." + field + " is not a UUID");
        }
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("[^A-Za-z.]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
