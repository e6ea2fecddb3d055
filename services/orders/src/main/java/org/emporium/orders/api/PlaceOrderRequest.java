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

/**
 * The body of POST /api/orders. Field rules here; the card's date and length in {@link CardRules}.
 * {@code email} may be left out by a signed-in shopper: the token's email is used then, and the
 * result must pass {@link EmailAddress}'s rules.
 */
public record PlaceOrderRequest(
        @NotNull UUID cartId,
        @Size(max = 254) String email,
        @NotNull @Valid Address shippingAddress,
        @NotNull @Valid Payment payment) {

    static final String TEXT = "\\P{Cc}*";
    static final String TEXT_RULE = "must not contain control characters";

    /** Where the confirmation goes: the body's email, or the signed-in shopper's. */
    public record EmailAddress(
            @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
            String email) {
    }

    /** This request with another email (the token's, for a body without one). */
    public PlaceOrderRequest withEmail(String address) {
        return new PlaceOrderRequest(cartId, address, shippingAddress, payment);
    }

    /** Free text is kept as typed, but without control characters (PostgreSQL cannot even store NUL). */
    public record Address(
            @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_RULE) String name,
            @NotBlank @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_RULE) String line1,
            @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_RULE) String line2,
            @NotBlank @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_RULE) String city,
            @Size(max = 100) @Pattern(regexp = TEXT, message = TEXT_RULE) String region,
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
     * trying every number, and so would be card data at rest. The account placing it counts too:
     * another account's key answers no order of someone else's.
     */
    public String fingerprint(String owner) {
        String digits = payment.digits();
        String canonical = (owner == null ? "" : "owner:" + owner + "\u0000")
                + String.join("\u0000", cartId.toString(), email, shippingAddress.name(),
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
