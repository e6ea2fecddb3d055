package org.emporium.payments.domain;

/** An operation the payment's state does not allow, or a payment that does not exist; no retry helps. */
public final class PaymentRefused extends RuntimeException {

    public PaymentRefused(String message) {
        super(message, null, false, false);
    }
}
