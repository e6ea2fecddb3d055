package org.emporium.notifications.message;

/** An amount as the events carry it: decimal text (never a binary float) and an ISO currency. */
public record Money(String amount, String currency) {

    @Override
    public String toString() {
        return amount + " " + currency;
    }
}
