package org.emporium.payments.processing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.emporium.payments.domain.CardNumbers;
import org.emporium.payments.domain.Money;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.domain.PaymentProvider;
import org.emporium.payments.domain.PaymentRefused;
import org.emporium.payments.domain.PaymentStatus;
import org.emporium.payments.persistence.PaymentRepository;
import org.emporium.payments.persistence.PaymentStore;
import org.jboss.logging.Logger;

/**
 * The checkout saga's payment operations, each idempotent by payment id: a repeat finds its work
 * done, changes nothing and publishes nothing (the first reply is already in the outbox or on the
 * topic). What the payment's state does not allow is refused with a {@link PaymentRefused}, always
 * before anything is written, so a batch can skip the refused command and go on.
 *
 * <p>The operations run in a {@link #batch}: many commands, one transaction. Capture, void and
 * refund ask the provider first (idempotent by payment id), then record the change with its
 * event; if the provider fails, or recording does, the batch rolls back and is retried, and the
 * provider answers the same. The batch holds the locks of its payments, so only it changes them
 * until it commits; the authorization worker, which may change a payment out of AUTHORIZING,
 * waits for it. New authorizations go to the worker once the batch has committed.
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

    /** The saga's operations inside one {@link #batch}; each throws what is described on it. */
    public interface Batch {

        /**
         * Records the payment as AUTHORIZING (committed with the batch, before the provider is
         * asked, so a crash leaves a trace recovery finds); once committed, it goes to the
         * authorization worker. A payment that exists changes nothing: its reply is already
         * published, or it is authorizing, and then it is driven again unless it is in flight here
         * (the provider is idempotent by payment id). The same id with another order, amount or
         * card is refused.
         */
        void authorize(UUID paymentId, UUID orderId, Money amount, String cardToken, String last4, String brand);

        void capture(UUID paymentId);

        /**
         * Voids the authorization. Still authorizing: the request is remembered and the worker
         * voids the hold as soon as the provider approves it (a declined or failed authorization
         * holds nothing: its PaymentDeclined or PaymentFailed is the last word, no PaymentVoided
         * follows).
         */
        void voidPayment(UUID paymentId);

        void refund(UUID paymentId);
    }

    /**
     * Runs {@code work}'s operations in order in one transaction and commits them together (see
     * {@link PaymentRepository#batch}: the rows of {@code paymentIds} are locked first, in id
     * order). An operation that throws {@link PaymentRefused} has changed nothing, so the work
     * may catch it and go on; anything else thrown rolls the whole batch back.
     *
     * @param paymentIds every payment the work's operations name
     */
    public <T> T batch(Set<UUID> paymentIds, Function<Batch, T> work) {
        return payments.batch(paymentIds, store -> work.apply(new Batch() {
            @Override
            public void authorize(UUID paymentId, UUID orderId, Money amount, String cardToken, String last4,
                                  String brand) {
                Payments.this.authorize(store, paymentId, orderId, amount, cardToken, last4, brand);
            }

            @Override
            public void capture(UUID paymentId) {
                Payments.this.capture(store, paymentId);
            }

            @Override
            public void voidPayment(UUID paymentId) {
                Payments.this.voidPayment(store, paymentId);
            }

            @Override
            public void refund(UUID paymentId) {
                Payments.this.refund(store, paymentId);
            }
        }));
    }

    private void authorize(PaymentStore store, UUID paymentId, UUID orderId, Money amount, String cardToken,
                           String last4, String brand) {
        String token = cardToken;
        if (CardNumbers.containsCardNumber(cardToken)) {
            // never store a card number, whatever a client sends as its token
            LOG.warnf("payment %s: the card token looks like a card number; it is not stored and the payment "
                    + "will be declined", paymentId);
            token = REDACTED_TOKEN;
        }
        if (store.open(new PaymentRepository.NewPayment(paymentId, orderId, amount, token, last4, brand))) {
            // the worker reads the payment: it must be committed first
            store.afterCommit(() -> authorizations.submit(paymentId));
            return;
        }
        Payment existing = store.find(paymentId).orElseThrow();
        if (!existing.sameRequest(orderId, amount, token)) {
            throw new PaymentRefused("payment " + paymentId + " exists with another order, amount or card");
        }
        LOG.debugf("payment %s: repeated authorization, already %s", paymentId, existing.status());
        if (existing.status() == PaymentStatus.AUTHORIZING) {
            // the saga sent it again because no reply came: the provider may have failed every try
            // so far, and asking it again now beats waiting for the recovery's next round (a no-op
            // while this payment is in flight here; when every slot is busy, recovery picks it up)
            store.afterCommit(() -> authorizations.offer(paymentId));
        }
    }

    private void capture(PaymentStore store, UUID paymentId) {
        Payment payment = existing(store, paymentId);
        switch (payment.status().onCapture(payment.voidRequested())) {
            case ALREADY_DONE, DEFER -> {
            }
            case REFUSE -> throw new PaymentRefused("payment " + paymentId + " is " + payment.status()
                    + (payment.voidRequested() ? " with a void requested" : "") + "; it cannot be captured");
            case APPLY -> {
                provider.capture(paymentId, payment.amount());
                store.transition(paymentId, PaymentStatus.CAPTURED, "captured",
                                p -> p.status() == PaymentStatus.AUTHORIZED && !p.voidRequested())
                        .ifPresentOrElse(p -> entered(store, p), () -> capture(store, paymentId));
            }
        }
    }

    private void voidPayment(PaymentStore store, UUID paymentId) {
        Payment payment = existing(store, paymentId);
        switch (payment.status().onVoid()) {
            case ALREADY_DONE -> {
            }
            case REFUSE -> throw new PaymentRefused("payment " + paymentId + " is " + payment.status()
                    + "; it cannot be voided (refund it instead)");
            case APPLY, DEFER -> {
                Optional<Payment> requested = store.requestVoid(paymentId);
                if (requested.isEmpty()) {
                    voidPayment(store, paymentId); // its authorization completed meanwhile: decide again
                } else if (requested.get().status() == PaymentStatus.AUTHORIZED) {
                    authorizations.voidAuthorized(store, requested.get(), "voided");
                } else {
                    LOG.infof("payment %s is still authorizing; it will be voided once authorized", paymentId);
                }
            }
        }
    }

    private void refund(PaymentStore store, UUID paymentId) {
        Payment payment = existing(store, paymentId);
        switch (payment.status().onRefund()) {
            case ALREADY_DONE, DEFER -> {
            }
            case REFUSE -> throw new PaymentRefused("payment " + paymentId + " is " + payment.status()
                    + "; only a captured payment can be refunded");
            case APPLY -> {
                provider.refund(paymentId, payment.amount());
                store.transition(paymentId, PaymentStatus.REFUNDED, "refunded",
                        p -> p.status() == PaymentStatus.CAPTURED).ifPresent(p -> entered(store, p));
            }
        }
    }

    private void entered(PaymentStore store, Payment payment) {
        store.afterCommit(() -> metrics.entered(payment));
    }

    private static Payment existing(PaymentStore store, UUID paymentId) {
        return store.find(paymentId).orElseThrow(() -> new PaymentRefused("no payment with id " + paymentId));
    }
}
