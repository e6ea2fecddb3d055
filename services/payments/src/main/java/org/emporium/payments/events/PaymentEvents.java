package org.emporium.payments.events;

import java.util.UUID;
import org.emporium.payments.domain.Money;
import org.emporium.payments.domain.Payment;
import org.emporium.platform.outbox.OutboxEvent;

/**
 * Payments' events on {@code payments.payment.v1}, keyed by payment id, so the saga reads one
 * payment's story in order. Every state change but the first publishes exactly one event, named
 * by the state entered; schemas under contracts/events/payments.*.json.
 */
public final class PaymentEvents {

    public static final String TOPIC = "payments.payment.v1";
    private static final String PREFIX = "emporium.payments.";
    public static final String AUTHORIZED = PREFIX + "PaymentAuthorized";
    public static final String DECLINED = PREFIX + "PaymentDeclined";
    public static final String FAILED = PREFIX + "PaymentFailed";
    public static final String CAPTURED = PREFIX + "PaymentCaptured";
    public static final String VOIDED = PREFIX + "PaymentVoided";
    public static final String REFUNDED = PREFIX + "PaymentRefunded";

    private PaymentEvents() {
    }

    /** Money as the contracts write it: the amount as text with two decimals. */
    public record Amount(String amount, String currency) {
        static Amount of(Money m) {
            return new Amount(m.text(), m.currency());
        }
    }

    public record PaymentAuthorized(UUID paymentId, UUID orderId, Amount amount, String last4, String brand,
                                    String authorizationCode) {
    }

    public record PaymentDeclined(UUID paymentId, UUID orderId, String code, String reason) {
    }

    public record PaymentFailed(UUID paymentId, UUID orderId, String code, String reason) {
    }

    public record PaymentCaptured(UUID paymentId, UUID orderId, Amount amount) {
    }

    public record PaymentVoided(UUID paymentId, UUID orderId) {
    }

    public record PaymentRefunded(UUID paymentId, UUID orderId, Amount amount) {
    }

    /** The event announcing the state the payment has just entered. */
    public static OutboxEvent entered(Payment p) {
        String key = p.id().toString();
        return switch (p.status()) {
            case AUTHORIZED -> new OutboxEvent(TOPIC, key, AUTHORIZED, new PaymentAuthorized(p.id(), p.orderId(),
                    Amount.of(p.amount()), p.last4(), p.brand(), p.authorizationCode()));
            case DECLINED -> new OutboxEvent(TOPIC, key, DECLINED,
                    new PaymentDeclined(p.id(), p.orderId(), p.failureCode(), p.failureReason()));
            case FAILED -> new OutboxEvent(TOPIC, key, FAILED,
                    new PaymentFailed(p.id(), p.orderId(), p.failureCode(), p.failureReason()));
            case CAPTURED -> new OutboxEvent(TOPIC, key, CAPTURED, new PaymentCaptured(p.id(), p.orderId(), Amount.of(p.amount())));
            case VOIDED -> new OutboxEvent(TOPIC, key, VOIDED, new PaymentVoided(p.id(), p.orderId()));
            case REFUNDED -> new OutboxEvent(TOPIC, key, REFUNDED, new PaymentRefunded(p.id(), p.orderId(), Amount.of(p.amount())));
            case AUTHORIZING -> throw new IllegalArgumentException("AUTHORIZING is announced by no event");
        };
    }
}
