package org.emporium.orders.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.hibernate.validator.constraints.LuhnCheck;

/** The body of POST /api/orders. Field rules here; the card's date and length in {@link CardRules}. */
public record PlaceOrderRequest(
        @NotNull UUID cartId,
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
        String email,
        @NotNull @Valid Address shippingAddress,
        @NotNull @Valid Payment payment) {

    public record Address(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 -]{1,11}", message = "must be 2–12 letters, digits, spaces or dashes")
            String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US or DE")
            String country) {
    }

    public record Payment(
            @NotBlank @Pattern(regexp = "[0-9 -]{12,23}", message = "must be 12 to 19 digits")
            @LuhnCheck(message = "is not a valid card number")
            String cardNumber,
            @NotBlank @Pattern(regexp = "(0[1-9]|1[0-2])/[0-9]{2}", message = "must be MM/YY")
            String expiry,
            @NotBlank @Pattern(regexp = "[0-9]{3,4}", message = "must be 3 or 4 digits")
            String cvc) {

        public String digits() {
            return cardNumber.replaceAll("[^0-9]", "");
        }

        @Override
        public String toString() {
            return "Payment[redacted]"; // a card number is never logged
        }
    }

    /**
     * Tells a retry from a different request with the same Idempotency-Key. The card counts by
     * its last four digits and expiry only: a hash of a whole card number could be reversed by
     * trying every number, and so would be card data at rest.
     */
    public String fingerprint() {
        String digits = payment.digits();
        String canonical = String.join("\u0000", cartId.toString(), email, shippingAddress.name(),
                shippingAddress.line1(), String.valueOf(shippingAddress.line2()), shippingAddress.city(),
                String.valueOf(shippingAddress.region()), shippingAddress.postalCode(), shippingAddress.country(),
                digits.substring(digits.length() - 4), payment.expiry());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
