package org.emporium.notifications.message;

/** Which email a notification is; stored as its name. */
public enum Kind {
    ORDER_CONFIRMED,
    ORDER_CANCELLED
}
