package org.emporium.orders.domain;

/**
 * What happened to an order's checkout, as the saga sees it: a participant's reply, or the
 * current step's deadline passing. Replies are correlated by order id (it is the reservation id
 * and the payment id).
 */
public sealed interface Reply {

    record StockReserved() implements Reply {
    }

    record StockRejected(String detail) implements Reply {
    }

    record StockCommitted() implements Reply {
    }

    /** Released on request (a compensation of ours) or by inventory's expiry job. */
    record StockReleased(boolean expired) implements Reply {
    }

    record PaymentAuthorized() implements Reply {
    }

    record PaymentDeclined(String detail) implements Reply {
    }

    record PaymentFailed(String detail) implements Reply {
    }

    record PaymentCaptured() implements Reply {
    }

    record PaymentVoided() implements Reply {
    }

    /** The current step's deadline passed without its reply. */
    record DeadlinePassed() implements Reply {
    }
}
