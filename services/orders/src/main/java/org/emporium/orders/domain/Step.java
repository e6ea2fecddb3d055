package org.emporium.orders.domain;

/** Where a checkout is. The first four are the saga's steps, each waiting for one reply. */
public enum Step {
    RESERVING_STOCK,
    AUTHORIZING_PAYMENT,
    COMMITTING_STOCK,
    CAPTURING_PAYMENT,
    CONFIRMED,
    CANCELLED;

    public OrderStatus status() {
        return switch (this) {
            case CONFIRMED -> OrderStatus.CONFIRMED;
            case CANCELLED -> OrderStatus.CANCELLED;
            default -> OrderStatus.PENDING;
        };
    }
}
