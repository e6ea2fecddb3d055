package org.emporium.payments.messaging;

import java.util.UUID;
import org.emporium.payments.domain.Money;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.Fields;
import org.emporium.platform.messaging.MalformedEvent;

/**
 * A command on {@code payments.commands.v1}: a CloudEvent whose type names
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

    /** Reads a command; a malformed one is skipped with a warning naming why (never the values). */
    static PaymentCommand of(Envelope event) throws MalformedEvent {
        String type = event.type();
        Fields data = event.data();
        UUID id = data.uuid("paymentId");
        return switch (type) {
            case AUTHORIZE -> authorize(id, data);
            case CAPTURE -> new CapturePayment(id);
            case VOID -> new VoidPayment(id);
            case REFUND -> new RefundPayment(id);
            default -> throw new MalformedEvent("unknown type '" + abbreviate(type) + "'");
        };
    }

    private static AuthorizePayment authorize(UUID id, Fields data) throws MalformedEvent {
        UUID orderId = data.uuid("orderId");
        Money amount;
        try {
            Fields money = data.object("amount");
            amount = Money.parse(money.optionalText("amount"), money.optionalText("currency"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("data.amount: " + e.getMessage());
        }
        Fields card = data.object("card");
        String token = card.optionalText("token");
        String last4 = card.optionalText("last4");
        String brand = card.optionalText("brand");
        if (token == null || token.isEmpty() || token.length() > 200) {
            throw new MalformedEvent("data.card.token must be text of 1 to 200 characters");
        }
        if (last4 == null || !last4.matches("[0-9]{4}")) {
            throw new MalformedEvent("data.card.last4 must be four digits");
        }
        if (brand == null || brand.isEmpty() || brand.length() > 20) {
            throw new MalformedEvent("data.card.brand must be text of 1 to 20 characters");
        }
        return new AuthorizePayment(id, orderId, amount, token, last4, brand);
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("[^A-Za-z.]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
