package org.emporium.orders.domain;

import static org.emporium.orders.domain.CancelReason.OUT_OF_STOCK;
import static org.emporium.orders.domain.CancelReason.PAYMENT_DECLINED;
import static org.emporium.orders.domain.CancelReason.PAYMENT_FAILED;
import static org.emporium.orders.domain.CancelReason.PAYMENT_TIMEOUT;
import static org.emporium.orders.domain.CancelReason.RESERVATION_EXPIRED;
import static org.emporium.orders.domain.CancelReason.RESERVATION_TIMEOUT;
import static org.emporium.orders.domain.Command.AUTHORIZE_PAYMENT;
import static org.emporium.orders.domain.Command.CAPTURE_PAYMENT;
import static org.emporium.orders.domain.Command.COMMIT_STOCK;
import static org.emporium.orders.domain.Command.RELEASE_STOCK;
import static org.emporium.orders.domain.Command.RESERVE_STOCK;
import static org.emporium.orders.domain.Command.VOID_PAYMENT;
import static org.emporium.orders.domain.Step.AUTHORIZING_PAYMENT;
import static org.emporium.orders.domain.Step.CAPTURING_PAYMENT;
import static org.emporium.orders.domain.Step.COMMITTING_STOCK;
import static org.emporium.orders.domain.Step.RESERVING_STOCK;
import static org.emporium.orders.domain.Steps.step;
import static org.emporium.orders.domain.Steps.steps;

import java.util.Optional;
import org.emporium.orders.domain.Reply.DeadlinePassed;
import org.emporium.orders.domain.Reply.PaymentAuthorized;
import org.emporium.orders.domain.Reply.PaymentCaptured;
import org.emporium.orders.domain.Reply.PaymentDeclined;
import org.emporium.orders.domain.Reply.PaymentFailed;
import org.emporium.orders.domain.Reply.StockCommitted;
import org.emporium.orders.domain.Reply.StockRejected;
import org.emporium.orders.domain.Reply.StockReleased;
import org.emporium.orders.domain.Reply.StockReserved;

/**
 * The checkout saga, as its specification: reserve the stock → authorize the payment → commit
 * the stock → capture the payment → confirmed; or cancel with a reason, undoing the steps done in
 * reverse (void the payment, release the stock).
 *
 * <p>Pure: given where an order is and what happened, it says what to do. A reply that does not
 * belong to the current step (a duplicate, or a late answer to a command sent again) changes
 * nothing. Stock is committed before the payment is captured, so an order whose reservation
 * expired meanwhile is never charged; once the stock is committed the decision to sell is made,
 * and committing and capturing are retried until they succeed (forward recovery).
 */
public final class Checkout {

    /** Checkout: each step, the command that does it, and what undoes it or that it is never given up. */
    static final Steps STEPS = steps(
            step(RESERVING_STOCK).sends(RESERVE_STOCK).compensatedBy(RELEASE_STOCK)
                    .givenUpAs(RESERVATION_TIMEOUT),
            step(AUTHORIZING_PAYMENT).sends(AUTHORIZE_PAYMENT).compensatedBy(VOID_PAYMENT)
                    .givenUpAs(PAYMENT_TIMEOUT),
            // the pivot: with the stock committed the sale is made; from here on the saga only goes forward
            step(COMMITTING_STOCK).sends(COMMIT_STOCK).retriedUntilDone(),
            step(CAPTURING_PAYMENT).sends(CAPTURE_PAYMENT).retriedUntilDone());

    /** Where a new order starts. */
    public static final Step FIRST_STEP = STEPS.first().step();

    /** The command that opens a checkout. */
    public static final Command FIRST_COMMAND = STEPS.first().command();

    private final int maxAttempts;

    /** @param maxAttempts how often a step that may be given up is sent before the saga gives up */
    public Checkout(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    /** What to do about {@code reply} for an order at {@code step} whose step was sent {@code attempts} times. */
    public Optional<Decision> decide(Step step, int attempts, Reply reply) {
        if (!STEPS.contains(step)) {
            return Optional.empty(); // confirmed or cancelled: nothing moves it any more
        }
        if (reply instanceof DeadlinePassed) {
            // a step that may be given up is sent maxAttempts times, then undone in case it happens late
            boolean mayRetry = attempts < maxAttempts || STEPS.neverGivenUp(step);
            return Optional.of(mayRetry ? STEPS.retry(step) : STEPS.giveUp(step));
        }
        Decision decision = switch (step) {
            case RESERVING_STOCK -> switch (reply) {
                case StockReserved r -> STEPS.done(step);
                case StockRejected r -> STEPS.failed(step, OUT_OF_STOCK, r.detail());
                default -> null;
            };
            case AUTHORIZING_PAYMENT -> switch (reply) {
                case PaymentAuthorized p -> STEPS.done(step);
                case PaymentDeclined p -> STEPS.failed(step, PAYMENT_DECLINED, p.detail());
                case PaymentFailed p -> STEPS.failed(step, PAYMENT_FAILED, p.detail());
                // inventory let the reservation expire (the units are gone); a late authorization is voided
                case StockReleased r when r.expired() -> STEPS.undoneElsewhere(step, RESERVING_STOCK,
                        RESERVATION_EXPIRED);
                default -> null;
            };
            case COMMITTING_STOCK -> switch (reply) {
                case StockCommitted c -> STEPS.done(step);
                // expired before our commit arrived: inventory refuses the commit; nothing was charged
                case StockReleased r when r.expired() -> STEPS.undoneElsewhere(step, RESERVING_STOCK,
                        RESERVATION_EXPIRED);
                default -> null;
            };
            case CAPTURING_PAYMENT -> switch (reply) {
                case PaymentCaptured c -> STEPS.done(step);
                default -> null;
            };
            case CONFIRMED, CANCELLED -> null;
        };
        return Optional.ofNullable(decision);
    }
}
