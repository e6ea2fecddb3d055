package org.emporium.orders.domain;

/** What the shopper sees: an order is pending until it is sold or given up. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED
}
