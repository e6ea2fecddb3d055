package org.emporium.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.orders.domain.Command.AUTHORIZE_PAYMENT;
import static org.emporium.orders.domain.Command.CAPTURE_PAYMENT;
import static org.emporium.orders.domain.Command.COMMIT_STOCK;
import static org.emporium.orders.domain.Command.RELEASE_STOCK;
import static org.emporium.orders.domain.Command.RESERVE_STOCK;
import static org.emporium.orders.domain.Command.VOID_PAYMENT;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutTest {

    private final Checkout checkout = new Checkout(3);

    @Test
    void theHappyPathReservesAuthorizesCommitsCapturesAndConfirms() {
        assertThat(checkout.decide(Step.RESERVING_STOCK, 1, new Reply.StockReserved())).get()
                .isEqualTo(new Decision(Step.AUTHORIZING_PAYMENT, List.of(AUTHORIZE_PAYMENT), null, null, false));
        assertThat(checkout.decide(Step.AUTHORIZING_PAYMENT, 1, new Reply.PaymentAuthorized())).get()
                .isEqualTo(new Decision(Step.COMMITTING_STOCK, List.of(COMMIT_STOCK), null, null, false));
        assertThat(checkout.decide(Step.COMMITTING_STOCK, 1, new Reply.StockCommitted())).get()
                .isEqualTo(new Decision(Step.CAPTURING_PAYMENT, List.of(CAPTURE_PAYMENT), null, null, false));
        assertThat(checkout.decide(Step.CAPTURING_PAYMENT, 1, new Reply.PaymentCaptured())).get()
                .extracting(Decision::next).isEqualTo(Step.CONFIRMED);
        assertThat(Step.CONFIRMED.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aRejectedReservationCancelsWithNothingToUndo() {
        Decision d = checkout.decide(Step.RESERVING_STOCK, 1, new Reply.StockRejected("not enough stock for A")).orElseThrow();
        assertThat(d.next()).isEqualTo(Step.CANCELLED);
        assertThat(d.reason()).isEqualTo(CancelReason.OUT_OF_STOCK);
        assertThat(d.detail()).isEqualTo("not enough stock for A");
        assertThat(d.commands()).isEmpty();
    }

    @Test
    void aDeclinedOrFailedPaymentReleasesTheStock() {
        Decision declined = checkout.decide(Step.AUTHORIZING_PAYMENT, 1, new Reply.PaymentDeclined(null)).orElseThrow();
        assertThat(declined.reason()).isEqualTo(CancelReason.PAYMENT_DECLINED);
        assertThat(declined.detail()).isEqualTo(CancelReason.PAYMENT_DECLINED.description());
        assertThat(declined.commands()).containsExactly(RELEASE_STOCK);
        Decision failed = checkout.decide(Step.AUTHORIZING_PAYMENT, 1, new Reply.PaymentFailed("processing error")).orElseThrow();
        assertThat(failed.reason()).isEqualTo(CancelReason.PAYMENT_FAILED);
        assertThat(failed.commands()).containsExactly(RELEASE_STOCK);
    }

    @Test
    void aStepWithoutReplyIsSentAgainThenCompensatedInReverse() {
        assertThat(checkout.decide(Step.RESERVING_STOCK, 2, new Reply.DeadlinePassed())).get()
                .isEqualTo(new Decision(Step.RESERVING_STOCK, List.of(RESERVE_STOCK), null, null, true));
        Decision reserveGivenUp = checkout.decide(Step.RESERVING_STOCK, 3, new Reply.DeadlinePassed()).orElseThrow();
        assertThat(reserveGivenUp.reason()).isEqualTo(CancelReason.RESERVATION_TIMEOUT);
        assertThat(reserveGivenUp.commands()).containsExactly(RELEASE_STOCK);
        Decision authorizeGivenUp = checkout.decide(Step.AUTHORIZING_PAYMENT, 3, new Reply.DeadlinePassed()).orElseThrow();
        assertThat(authorizeGivenUp.reason()).isEqualTo(CancelReason.PAYMENT_TIMEOUT);
        assertThat(authorizeGivenUp.commands()).containsExactly(VOID_PAYMENT, RELEASE_STOCK);
    }

    @Test
    void committingAndCapturingNeverGiveUp() {
        assertThat(checkout.decide(Step.COMMITTING_STOCK, 50, new Reply.DeadlinePassed())).get()
                .extracting(Decision::next, Decision::commands, Decision::retry)
                .containsExactly(Step.COMMITTING_STOCK, List.of(COMMIT_STOCK), true);
        assertThat(checkout.decide(Step.CAPTURING_PAYMENT, 50, new Reply.DeadlinePassed())).get()
                .extracting(Decision::next, Decision::commands)
                .containsExactly(Step.CAPTURING_PAYMENT, List.of(CAPTURE_PAYMENT));
    }

    @Test
    void aReservationThatExpiredBeforeTheCommitVoidsThePaymentAndIsNeverCaptured() {
        Decision d = checkout.decide(Step.COMMITTING_STOCK, 1, new Reply.StockReleased(true)).orElseThrow();
        assertThat(d.reason()).isEqualTo(CancelReason.RESERVATION_EXPIRED);
        assertThat(d.commands()).containsExactly(VOID_PAYMENT);
    }

    @Test
    void repliesThatDoNotFitTheStepChangeNothing() {
        assertThat(checkout.decide(Step.AUTHORIZING_PAYMENT, 1, new Reply.StockReserved())).isEmpty();
        assertThat(checkout.decide(Step.CAPTURING_PAYMENT, 1, new Reply.PaymentAuthorized())).isEmpty();
        assertThat(checkout.decide(Step.COMMITTING_STOCK, 1, new Reply.StockReleased(false))).isEmpty();
        assertThat(checkout.decide(Step.CONFIRMED, 1, new Reply.PaymentCaptured())).isEmpty();
        assertThat(checkout.decide(Step.CANCELLED, 1, new Reply.DeadlinePassed())).isEmpty();
        assertThat(checkout.decide(Step.RESERVING_STOCK, 1, new Reply.PaymentVoided())).isEmpty();
    }
}
