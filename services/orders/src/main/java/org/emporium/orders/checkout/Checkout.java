package org.emporium.orders.checkout;

import static org.emporium.orders.checkout.Command.AUTHORIZE_PAYMENT;
import static org.emporium.orders.checkout.Command.CAPTURE_PAYMENT;
import static org.emporium.orders.checkout.Command.COMMIT_STOCK;
import static org.emporium.orders.checkout.Command.RELEASE_STOCK;
import static org.emporium.orders.checkout.Command.RESERVE_STOCK;
import static org.emporium.orders.checkout.Command.VOID_PAYMENT;

import java.util.Optional;
import org.emporium.orders.checkout.Reply.DeadlinePassed;
import org.emporium.orders.checkout.Reply.PaymentAuthorized;
import org.emporium.orders.checkout.Reply.PaymentCaptured;
import org.emporium.orders.checkout.Reply.PaymentDeclined;
import org.emporium.orders.checkout.Reply.PaymentFailed;
import org.emporium.orders.checkout.Reply.StockCommitted;
import org.emporium.orders.checkout.Reply.StockRejected;
import org.emporium.orders.checkout.Reply.StockReleased;
import org.emporium.orders.checkout.Reply.StockReserved;

/**
 * The checkout saga, as its specification: reserve the stock → authorize the payment → commit
 * the stock → capture the payment → confirmed; or compensate in reverse (void the payment,
 * release the stock) and cancel with a reason.
 *
 * <p>Pure: given where an order is and what happened, it says what to do. A reply that does not
 * belong to the current step (a duplicate, or a late answer to a command sent again) changes
 * nothing. Stock is committed before the payment is captured, so an order whose reservation
 * expired meanwhile is never charged; once the stock is committed the decision to sell is made,
 * and committing and capturing are retried until they succeed (forward recovery).
 */
public final class Checkout {

    /** The command that opens a checkout. */
    public static final Command FIRST_COMMAND = RESERVE_STOCK;

    private final int maxAttempts;

    /** @param maxAttempts how often reserving and authorizing are sent before the saga gives up */
    public Checkout(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    /** What to do about {@code reply} for an order at {@code step} whose step was sent {@code attempts} times. */
    public Optional<Decision> decide(Step step, int attempts, Reply reply) {
        boolean mayRetry = attempts < maxAttempts;
        Decision decision = switch (step) {
            case RESERVING_STOCK -> switch (reply) {
                case StockReserved r -> Decision.proceed(Step.AUTHORIZING_PAYMENT, AUTHORIZE_PAYMENT);
                // nothing was reserved, so nothing to undo
                case StockRejected r -> Decision.cancel(CancelReason.OUT_OF_STOCK, r.detail());
                case DeadlinePassed d -> mayRetry
                        ? Decision.retry(step, RESERVE_STOCK)
                        // a late reservation is released: the release follows the reserve on its key
                        : Decision.cancel(CancelReason.RESERVATION_TIMEOUT, null, RELEASE_STOCK);
                default -> null;
            };
            case AUTHORIZING_PAYMENT -> switch (reply) {
                case PaymentAuthorized p -> Decision.proceed(Step.COMMITTING_STOCK, COMMIT_STOCK);
                case PaymentDeclined p -> Decision.cancel(CancelReason.PAYMENT_DECLINED, p.detail(), RELEASE_STOCK);
                case PaymentFailed p -> Decision.cancel(CancelReason.PAYMENT_FAILED, p.detail(), RELEASE_STOCK);
                // the units are gone; a late authorization is voided
                case StockReleased r when r.expired() -> Decision.cancel(CancelReason.RESERVATION_EXPIRED, null,
                        VOID_PAYMENT);
                case DeadlinePassed d -> mayRetry
                        ? Decision.retry(step, AUTHORIZE_PAYMENT)
                        : Decision.cancel(CancelReason.PAYMENT_TIMEOUT, null, VOID_PAYMENT, RELEASE_STOCK);
                default -> null;
            };
            case COMMITTING_STOCK -> switch (reply) {
                case StockCommitted c -> Decision.proceed(Step.CAPTURING_PAYMENT, CAPTURE_PAYMENT);
                // expired before our commit arrived: inventory refuses the commit; nothing was charged
                case StockReleased r when r.expired() -> Decision.cancel(CancelReason.RESERVATION_EXPIRED, null,
                        VOID_PAYMENT);
                case DeadlinePassed d -> Decision.retry(step, COMMIT_STOCK);
                default -> null;
            };
            case CAPTURING_PAYMENT -> switch (reply) {
                case PaymentCaptured c -> Decision.confirm();
                case DeadlinePassed d -> Decision.retry(step, CAPTURE_PAYMENT);
                default -> null;
            };
            case CONFIRMED, CANCELLED -> null;
        };
        return Optional.ofNullable(decision);
    }
}
