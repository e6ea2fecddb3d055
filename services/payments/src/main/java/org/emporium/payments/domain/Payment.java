package org.emporium.payments.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One payment, identified by the id the checkout saga chose (the order id). The card is known by
 * the provider's token, its last four digits and its brand: never by its number.
 */
public record Payment(UUID id, UUID orderId, PaymentStatus status, Money amount, String cardToken, String last4,
                      String brand, String authorizationCode, String failureCode, String failureReason,
                      Instant voidRequestedAt, Instant createdAt, Instant updatedAt) {

    public boolean voidRequested() {
        return voidRequestedAt != null;
    }

    /** Whether a repeated authorization asks for the same thing as the one recorded. */
    public boolean sameRequest(UUID orderId, Money amount, String cardToken) {
        return this.orderId.equals(orderId) && this.amount.equals(amount) && this.cardToken.equals(cardToken);
    }
}
