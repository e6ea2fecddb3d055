package org.emporium.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.emporium.orders.domain.Steps.step;
import static org.emporium.orders.domain.Steps.steps;

import org.junit.jupiter.api.Test;

class StepsTest {

    @Test
    void checkoutStartsByReservingStock() {
        assertThat(Checkout.FIRST_STEP).isEqualTo(Step.RESERVING_STOCK);
        assertThat(Checkout.FIRST_COMMAND).isEqualTo(Command.RESERVE_STOCK);
    }

    @Test
    void aStepAfterThePivotCannotBeUndone() {
        assertThatThrownBy(() -> steps(
                step(Step.COMMITTING_STOCK).sends(Command.COMMIT_STOCK).retriedUntilDone(),
                step(Step.AUTHORIZING_PAYMENT).sends(Command.AUTHORIZE_PAYMENT).compensatedBy(Command.VOID_PAYMENT)
                        .givenUpAs(CancelReason.PAYMENT_TIMEOUT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> steps(
                step(Step.COMMITTING_STOCK).sends(Command.COMMIT_STOCK).compensatedBy(Command.RELEASE_STOCK)
                        .retriedUntilDone()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepThatMayBeGivenUpNamesItsReason() {
        assertThatThrownBy(() -> steps(step(Step.RESERVING_STOCK).sends(Command.RESERVE_STOCK)
                .compensatedBy(Command.RELEASE_STOCK)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compensationsRunLatestStepFirstAndLeaveOutWhatWasUndoneElsewhere() {
        assertThat(Checkout.STEPS.giveUp(Step.AUTHORIZING_PAYMENT).commands())
                .containsExactly(Command.VOID_PAYMENT, Command.RELEASE_STOCK);
        assertThat(Checkout.STEPS.failed(Step.AUTHORIZING_PAYMENT, CancelReason.PAYMENT_DECLINED, null).commands())
                .containsExactly(Command.RELEASE_STOCK);
        assertThat(Checkout.STEPS.undoneElsewhere(Step.COMMITTING_STOCK, Step.RESERVING_STOCK,
                CancelReason.RESERVATION_EXPIRED).commands()).containsExactly(Command.VOID_PAYMENT);
    }
}
