package org.emporium.payments.domain;

/**
 * Where a payment is in its life:
 * <pre>
 * AUTHORIZING → AUTHORIZED | DECLINED | FAILED
 * AUTHORIZED  → CAPTURED | VOIDED
 * CAPTURED    → REFUNDED
 * </pre>
 * No state is entered twice, which lets the ledger hold at most one entry per state and payment
 * (the database enforces it: a second capture is impossible).
 */
public enum PaymentStatus {
    AUTHORIZING, AUTHORIZED, DECLINED, FAILED, CAPTURED, VOIDED, REFUNDED;

    /** The state machine's edges; the ledger's CHECK constraint repeats them. */
    public boolean canBecome(PaymentStatus next) {
        return switch (this) {
            case AUTHORIZING -> next == AUTHORIZED || next == DECLINED || next == FAILED;
            case AUTHORIZED -> next == CAPTURED || next == VOIDED;
            case CAPTURED -> next == REFUNDED;
            case DECLINED, FAILED, VOIDED, REFUNDED -> false;
        };
    }

    /**
     * What a capture does. A refunded payment was captured once, so a late duplicate capture is
     * done already; a payment whose void was requested is never captured.
     */
    public Decision onCapture(boolean voidRequested) {
        return switch (this) {
            case AUTHORIZED -> voidRequested ? Decision.REFUSE : Decision.APPLY;
            case CAPTURED, REFUNDED -> Decision.ALREADY_DONE;
            case AUTHORIZING, DECLINED, FAILED, VOIDED -> Decision.REFUSE;
        };
    }

    /**
     * What a void does. One still authorizing is voided as soon as its authorization completes
     * (DEFER); nothing is held by a declined, failed or voided payment, so the saga may always
     * send this compensation; money already taken needs a refund instead.
     */
    public Decision onVoid() {
        return switch (this) {
            case AUTHORIZING -> Decision.DEFER;
            case AUTHORIZED -> Decision.APPLY;
            case DECLINED, FAILED, VOIDED -> Decision.ALREADY_DONE;
            case CAPTURED, REFUNDED -> Decision.REFUSE;
        };
    }

    /** What a refund (of the whole captured amount) does. */
    public Decision onRefund() {
        return switch (this) {
            case CAPTURED -> Decision.APPLY;
            case REFUNDED -> Decision.ALREADY_DONE;
            case AUTHORIZING, AUTHORIZED, DECLINED, FAILED, VOIDED -> Decision.REFUSE;
        };
    }

    public enum Decision { APPLY, DEFER, ALREADY_DONE, REFUSE }
}
