package org.emporium.orders.client;

/** A card as the payment provider knows it: a token and what may be shown. */
public record CardToken(String token, String last4, String brand, Integer expiryMonth, Integer expiryYear) {
}
