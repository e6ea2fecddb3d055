package org.emporium.payments.processing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.emporium.payments.domain.CardNumbers;
import org.emporium.payments.domain.Money;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.domain.PaymentProvider;
import org.emporium.payments.domain.PaymentRefused;
import org.emporium.payments.domain.PaymentStatus;
import org.emporium.payments.persistence.PaymentRepository;
import org.jboss.logging.Logger;

/**
 * The checkout saga's payment operations, each idempotent by payment id: a repeat finds its work
 * done, changes nothing and publishes nothing (the first reply is already in the outbox or on the
 * topic). What the payment's state does not allow is refused with a {@link PaymentRefused}.
 *
 * <p>Capture, void and refund ask the provider first (idempotent by payment id), then record the
 * change with its event; if recording fails the command is retried and the provider answers the
 * same. Commands of one payment arrive in order on one partition, so only the authorization
 * worker can change a payment concurrently with them, and only out of AUTHORIZING.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);
    /** Stored instead of a "token" that is in fact a card number; the provider declines it. */
    static final String REDACTED_TOKEN = "redacted";

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final Authorizations authorizations;
    private final PaymentMetrics metrics;

    public Payments(PaymentRepository payments, PaymentProvider provider, Authorizations authorizations,
                    PaymentMetrics metrics) {
        this.payments = payments;
        this.provider = provider;
        this.authorizations = authorizations;
        this.metrics = metrics;
    }

    /**
     * Records the payment as AUTHORIZING (committed before the provider is asked, so a crash
     * leaves a trace recovery finds), then hands it to the authorization worker. A payment that
     * exists changes nothing: its reply is already published, or it is authorizing, and then it is
     * driven again unless it is in flight here (the provider is idempotent by payment id).
     */
    public void authorize(UUID paymentId, UUID orderId, Money amount, String cardToken, String last4, String brand) {
        String token = cardToken;
        if (CardNumbers.containsCardNumber(cardToken)) {
            // never store a card number, whatever a client sends as its token
            LOG.warnf("payment %s: the card token looks like a card number; it is not stored and the payment "
                    + "will be declined", paymentId);
            token = REDACTED_TOKEN;
        }
        if (payments.open(new PaymentRepository.NewPayment(paymentId, orderId, amount, token, last4, brand))) {
            authorizations.submit(paymentId);
            return;
        }
        Payment existing = payments.find(paymentId).orElseThrow();
        if (!existing.sameRequest(orderId, amount, token)) {
            throw new PaymentRefused("payment " + paymentId + " exists with another order, amount or card");
        }
        LOG.debugf("payment %s: repeated authorization, already %s", paymentId, existing.status());
        if (existing.status() == PaymentStatus.AUTHORIZING) {
            // the saga sent it again because no reply came: the provider may have failed every try
            // so far, and asking it again now beats waiting for the recovery's next round (a no-op
            // while this payment is in flight here; when every slot is busy, recovery picks it up)
            authorizations.offer(paymentId);
        }
    }

    public void capture(UUID paymentId) {
        Payment payment = existing(paymentId);
        switch (payment.status().onCapture(payment.voidRequested())) {
            case ALREADY_DONE, DEFER -> {
            }
            case REFUSE -> throw new PaymentRefused("payment " + paymentId + " is " + payment.status()
                    + (payment.voidRequested() ? " with a void requested" : "") + "; it cannot be captured");
            case APPLY -> {
                provider.capture(paymentId, payment.amount());
                payments.transition(paymentId, PaymentStatus.CAPTURED, "captured",
                                p -> p.status() == PaymentStatus.AUTHORIZED && !p.voidRequested())
                        .ifPresentOrElse(metrics::entered, () -> capture(paymentId));
            }
        }
    }

    /**
     * Voids the authorization. Still authorizing: the request is remembered and the worker voids
     * the hold as soon as the provider approves it (a declined or failed authorization holds
     * nothing: its PaymentDeclined or PaymentFailed is the last word, no PaymentVoided follows).
     */
    public void voidPayment(UUID paymentId) {
        Payment payment = existing(paymentId);
        switch (payment.status().onVoid()) {
            case ALREADY_DONE -> {
            }
            case REFUSE -> throw new PaymentRefused("payment " + paymentId + " is " + payment.status()
                    + "; it cannot be voided (refund it instead)");
            case APPLY, DEFER -> {
                Optional<Payment> requested = payments.requestVoid(paymentId);
                if (requested.isEmpty()) {
                    voidPayment(paymentId); // its authorization completed meanwhile: decide again
                } else if (requested.get().status() == PaymentStatus.AUTHORIZED) {
                    authorizations.voidAuthorized(requested.get(), "voided");
                } else {
                    LOG.infof("payment %s is still authorizing; it will be voided once authorized", paymentId);
                }
            }
        }
    }

    public void refund(UUID paymentId) {
        Payment payment = existing(paymentId);
        switch (payment.status().onRefund()) {
            case ALREADY_DONE, DEFER -> {
            }
            case REFUSE -> throw new PaymentRefused("payment " + paymentId + " is " + payment.status()
                    + "; only a captured payment can be refunded");
            case APPLY -> {
                provider.refund(paymentId, payment.amount());
                payments.transition(paymentId, PaymentStatus.REFUNDED, "refunded",
                        p -> p.status() == PaymentStatus.CAPTURED).ifPresent(metrics::entered);
            }
        }
    }

    private Payment existing(UUID paymentId) {
        return payments.find(paymentId).orElseThrow(() -> new PaymentRefused("no payment with id " + paymentId));
    }
}
