package org.emporium.payments.api;

/** A card as the shopper typed it. Its toString hides everything: it must never reach a log. */
public record CardRequest(String cardNumber, String expiry, String cvc) {

    @Override
    public String toString() {
        return "CardRequest[redacted]";
    }
}
