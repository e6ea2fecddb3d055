package org.emporium.payments.api;

import org.emporium.payments.domain.CardToken;

/** The token to authorize with, and what may be shown of the card. */
public record CardView(String token, String last4, String brand, int expiryMonth, int expiryYear) {

    static CardView of(CardToken t) {
        return new CardView(t.token(), t.last4(), t.brand(), t.expiry().getMonthValue(), t.expiry().getYear());
    }
}
