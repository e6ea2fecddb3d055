package org.emporium.payments.domain;

import java.util.UUID;

/**
 * The port to a card processor. Every operation is idempotent by payment id (real processors take
 * an idempotency key): calling it again after a crash or a retry answers what the first call did
 * and never holds, takes or gives back money twice. A failure to reach the provider is an
 * exception; the caller retries.
 */
public interface PaymentProvider {

    /** Turns card details into the provider's token; the card number goes no further. */
    CardToken tokenize(CardDetails card);

    /** Holds the amount on the tokenized card. */
    Authorization authorize(UUID paymentId, Money amount, String cardToken);

    /** Takes the held amount. */
    void capture(UUID paymentId, Money amount);

    /** Cancels the hold; nothing will be taken. */
    void voidAuthorization(UUID paymentId);

    /** Gives the captured amount back. */
    void refund(UUID paymentId, Money amount);
}
