package org.emporium.orders.domain;

/** Why an order was cancelled, as a code (contracts/events/orders.OrderCancelled.json). */
public enum CancelReason {
    OUT_OF_STOCK("not enough stock for the order"),
    PAYMENT_DECLINED("the card was declined"),
    PAYMENT_FAILED("the payment could not be processed"),
    PAYMENT_TIMEOUT("the payment provider did not answer in time"),
    RESERVATION_TIMEOUT("the stock could not be reserved in time"),
    RESERVATION_EXPIRED("the reservation of the stock expired before the order was complete");

    private final String description;

    CancelReason(String description) {
        this.description = description;
    }

    /** The words for a shopper, used when a participant gave no detail of its own. */
    public String description() {
        return description;
    }
}
