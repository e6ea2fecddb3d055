package org.emporium.storefront.client.orders;

/**
 * The body of {@code POST /api/orders}. The card number and CVC travel only in this request:
 * {@link Payment#toString()} never shows them, so neither does any log line.
 */
public record PlaceOrder(String cartId, String email, Address shippingAddress, Payment payment) {

    public record Address(String name, String line1, String line2, String city, String region, String postalCode,
                          String country) {
    }

    public record Payment(String cardNumber, String expiry, String cvc) {
        @Override
        public String toString() {
            return "Payment[redacted]";
        }
    }
}
