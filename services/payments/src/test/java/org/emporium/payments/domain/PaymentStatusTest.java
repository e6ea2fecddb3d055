package org.emporium.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.payments.domain.PaymentStatus.AUTHORIZED;
import static org.emporium.payments.domain.PaymentStatus.AUTHORIZING;
import static org.emporium.payments.domain.PaymentStatus.CAPTURED;
import static org.emporium.payments.domain.PaymentStatus.DECLINED;
import static org.emporium.payments.domain.PaymentStatus.FAILED;
import static org.emporium.payments.domain.PaymentStatus.REFUNDED;
import static org.emporium.payments.domain.PaymentStatus.VOIDED;
import static org.emporium.payments.domain.PaymentStatus.Decision.ALREADY_DONE;
import static org.emporium.payments.domain.PaymentStatus.Decision.APPLY;
import static org.emporium.payments.domain.PaymentStatus.Decision.DEFER;
import static org.emporium.payments.domain.PaymentStatus.Decision.REFUSE;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentStatusTest {

    @Test
    void theStateMachineHasExactlyItsEdges() {
        assertThat(next(AUTHORIZING)).containsExactlyInAnyOrder(AUTHORIZED, DECLINED, FAILED);
        assertThat(next(AUTHORIZED)).containsExactlyInAnyOrder(CAPTURED, VOIDED);
        assertThat(next(CAPTURED)).containsExactly(REFUNDED);
        assertThat(next(DECLINED)).isEmpty();
        assertThat(next(FAILED)).isEmpty();
        assertThat(next(VOIDED)).isEmpty();
        assertThat(next(REFUNDED)).isEmpty();
    }

    @Test
    void noStateIsEnteredTwiceSoTheLedgerHoldsOneEntryPerState() {
        for (PaymentStatus s : PaymentStatus.values()) {
            assertThat(reachableFrom(s)).as("reachable from %s", s).doesNotContain(s);
        }
    }

    @Test
    void captureAppliesToAnAuthorizationOnceAndNeverAfterAVoidWasRequested() {
        assertThat(AUTHORIZED.onCapture(false)).isEqualTo(APPLY);
        assertThat(AUTHORIZED.onCapture(true)).isEqualTo(REFUSE);
        assertThat(CAPTURED.onCapture(false)).isEqualTo(ALREADY_DONE);
        assertThat(REFUNDED.onCapture(false)).isEqualTo(ALREADY_DONE);
        for (PaymentStatus s : EnumSet.of(AUTHORIZING, DECLINED, FAILED, VOIDED)) {
            assertThat(s.onCapture(false)).as("capture of %s", s).isEqualTo(REFUSE);
        }
    }

    @Test
    void voidWaitsForAnAuthorizationInFlightAndNeverUndoesACapture() {
        assertThat(AUTHORIZING.onVoid()).isEqualTo(DEFER);
        assertThat(AUTHORIZED.onVoid()).isEqualTo(APPLY);
        assertThat(DECLINED.onVoid()).isEqualTo(ALREADY_DONE);
        assertThat(FAILED.onVoid()).isEqualTo(ALREADY_DONE);
        assertThat(VOIDED.onVoid()).isEqualTo(ALREADY_DONE);
        assertThat(CAPTURED.onVoid()).isEqualTo(REFUSE);
        assertThat(REFUNDED.onVoid()).isEqualTo(REFUSE);
    }

    @Test
    void onlyACapturedPaymentIsRefunded() {
        assertThat(CAPTURED.onRefund()).isEqualTo(APPLY);
        assertThat(REFUNDED.onRefund()).isEqualTo(ALREADY_DONE);
        for (PaymentStatus s : EnumSet.of(AUTHORIZING, AUTHORIZED, DECLINED, FAILED, VOIDED)) {
            assertThat(s.onRefund()).as("refund of %s", s).isEqualTo(REFUSE);
        }
    }

    @Test
    void moneyKeepsTwoDecimalsAndRefusesOtherForms() {
        assertThat(Money.parse("12.30", "EUR").text()).isEqualTo("12.30");
        for (String bad : new String[] {"12", "12.3", "-1.00", "1e3", "1234567890123.00", ""}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.parse(bad, "EUR")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.parse("1.00", "eur"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<PaymentStatus> next(PaymentStatus from) {
        Set<PaymentStatus> next = EnumSet.noneOf(PaymentStatus.class);
        for (PaymentStatus to : PaymentStatus.values()) {
            if (from.canBecome(to)) {
                next.add(to);
            }
        }
        return next;
    }

    private static Set<PaymentStatus> reachableFrom(PaymentStatus from) {
        Set<PaymentStatus> seen = EnumSet.noneOf(PaymentStatus.class);
        java.util.ArrayDeque<PaymentStatus> todo = new java.util.ArrayDeque<>(next(from));
        while (!todo.isEmpty()) {
            PaymentStatus s = todo.pop();
            if (seen.add(s)) {
                todo.addAll(next(s));
            }
        }
        return seen;
    }
}
