package org.emporium.orders.domain;

/** A command the saga sends to a participant; the messaging layer fills in the order's data. */
public enum Command {
    RESERVE_STOCK,
    AUTHORIZE_PAYMENT,
    COMMIT_STOCK,
    CAPTURE_PAYMENT,
    VOID_PAYMENT,
    RELEASE_STOCK
}
