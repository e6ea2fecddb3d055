package org.emporium.payments.persistence;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.domain.PaymentStatus;

/**
 * What the saga's operations read and write. On the {@link PaymentRepository} itself every call
 * is a transaction of its own; in a {@link PaymentRepository#batch} every call joins the batch's
 * one transaction.
 */
public interface PaymentStore {

    Optional<Payment> find(UUID id);

    /**
     * Records a payment as AUTHORIZING, unless its id exists (INSERT … ON CONFLICT DO NOTHING:
     * a concurrent repeat waits for the first and then finds it). No event: the reply comes
     * with the authorization's outcome.
     *
     * @return true if this call created it
     */
    boolean open(PaymentRepository.NewPayment p);

    /**
     * Moves a payment to {@code to} and publishes the event, if the payment as locked now
     * passes {@code allowed} (and the state machine has the edge). Empty otherwise: nothing
     * changed.
     */
    Optional<Payment> transition(UUID id, PaymentStatus to, String detail, Predicate<Payment> allowed);

    /**
     * Remembers that the saga asked for a void, if the payment is still authorizing or
     * authorized (the first request's time is kept). Empty if it is in any other state by now.
     */
    Optional<Payment> requestVoid(UUID id);

    /**
     * Runs the action once what was written so far is committed: at once on the repository
     * (each call has committed when it returns), after the commit in a batch, in the trace
     * context it was asked in. Not run if the batch rolls back.
     */
    void afterCommit(Runnable action);
}
