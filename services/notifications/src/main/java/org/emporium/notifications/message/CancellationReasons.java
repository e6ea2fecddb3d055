package org.emporium.notifications.message;

import java.util.Map;

/**
 * The saga's cancellation codes in words a shopper understands. The event's {@code detail} is
 * written for operators ("reservation r-… rejected: ABC-1 short by 2"); it is shown only for a code
 * this service does not know yet, so a new code still yields a sensible email.
 */
public final class CancellationReasons {

    static final String GENERIC = "We could not complete your order.";

    private static final Map<String, String> SENTENCES = Map.of(
            "OUT_OF_STOCK", "Some of the items you ordered are no longer in stock.",
            "PAYMENT_DECLINED", "Your payment was declined by your card issuer.",
            "PAYMENT_FAILED", "We could not process your payment.",
            "PAYMENT_TIMEOUT", "Your payment could not be confirmed in time.",
            "RESERVATION_TIMEOUT", "We could not set your items aside in time.",
            "RESERVATION_EXPIRED", "The items set aside for you were released before your order was completed.");

    private CancellationReasons() {
    }

    /** One sentence explaining why the order was cancelled. */
    public static String explain(String code, String detail) {
        String sentence = code == null ? null : SENTENCES.get(code);
        if (sentence != null) {
            return sentence;
        }
        return detail == null || detail.isBlank() ? GENERIC : detail.strip();
    }
}
