package org.emporium.storefront.web.checkout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.emporium.storefront.client.orders.OrderIds;
import org.emporium.storefront.client.orders.PlaceOrder;

/**
 * The checkout form as shown: what the shopper typed (never the card number or CVC, which are not
 * part of this record at all and so can never be rendered back or logged), a message per field,
 * a message for the whole form, and the Idempotency-Key that makes a double submit or a retry
 * after an error place one order, not two.
 */
public record CheckoutForm(String idempotencyKey, String email, String name, String line1, String line2, String city,
                           String region, String postalCode, String country, String expiry,
                           Map<String, String> errors, String message) {

    /** Each form field's label, in the order the form shows them. */
    static final Map<String, String> LABELS;

    static {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("email", "Email");
        labels.put("name", "Full name");
        labels.put("line1", "Address line 1");
        labels.put("line2", "Address line 2");
        labels.put("city", "City");
        labels.put("region", "State, county or region");
        labels.put("postalCode", "Postal code");
        labels.put("country", "Country");
        labels.put("cardNumber", "Card number");
        labels.put("expiry", "Expiry");
        labels.put("cvc", "CVC");
        LABELS = java.util.Collections.unmodifiableMap(labels);
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,11}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9 -]{12,23}");
    private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])/[0-9]{2}");
    private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");

    public CheckoutForm {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    /** A blank form with a new key. */
    static CheckoutForm blank() {
        return new CheckoutForm(UUID.randomUUID().toString(), "", "", "", "", "", "", "", "", "", Map.of(), null);
    }

    /**
     * A new attempt at a cancelled order: its email and shipping address filled in, a new key; the
     * card is the shopper's to type again.
     */
    static CheckoutForm retrying(org.emporium.storefront.client.orders.Order order) {
        org.emporium.storefront.client.orders.Order.Address a = order.shippingAddress();
        if (a == null) {
            return blank().withEmail(order.email() == null ? "" : order.email());
        }
        return new CheckoutForm(UUID.randomUUID().toString(), nonNull(order.email()), nonNull(a.name()), nonNull(a.line1()),
                nonNull(a.line2()), nonNull(a.city()), nonNull(a.region()), nonNull(a.postalCode()), nonNull(a.country()), "",
                Map.of(), null);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** What was posted, card number and CVC left out; a missing or malformed key is replaced by a new one. */
    static CheckoutForm posted(Submission s) {
        String key = OrderIds.isValid(s.idempotencyKey()) ? s.idempotencyKey() : UUID.randomUUID().toString();
        return new CheckoutForm(key, s.email(), s.name(), s.line1(), s.line2(), s.city(), s.region(), s.postalCode(),
                s.country(), s.expiry(), Map.of(), null);
    }

    /**
     * Everything the form posted, trimmed. Holds the card number and CVC, so it is only ever turned
     * into the orders request or a {@link CheckoutForm}; {@link #toString()} shows neither.
     */
    record Submission(String idempotencyKey, String email, String name, String line1, String line2, String city,
                      String region, String postalCode, String country, String cardNumber, String expiry, String cvc) {

        Submission {
            idempotencyKey = trim(idempotencyKey);
            email = trim(email);
            name = trim(name);
            line1 = trim(line1);
            line2 = trim(line2);
            city = trim(city);
            region = trim(region);
            postalCode = trim(postalCode);
            country = trim(country).toUpperCase(java.util.Locale.ROOT);
            cardNumber = trim(cardNumber);
            expiry = trim(expiry);
            cvc = trim(cvc);
        }

        /** The obvious mistakes, found without asking the orders service: field name to message. */
        Map<String, String> problems() {
            Map<String, String> problems = new LinkedHashMap<>();
            required(problems, "email", email, 254);
            if (!email.isEmpty() && !problems.containsKey("email") && !EMAIL.matcher(email).matches()) {
                problems.put("email", "Email must be an email address, such as name@example.com.");
            }
            required(problems, "name", name, 100);
            required(problems, "line1", line1, 200);
            optional(problems, "line2", line2, 200);
            required(problems, "city", city, 100);
            optional(problems, "region", region, 100);
            required(problems, "postalCode", postalCode, 12);
            if (!postalCode.isEmpty() && !problems.containsKey("postalCode") && !POSTAL_CODE.matcher(postalCode).matches()) {
                problems.put("postalCode", "Postal code must be 2 to 12 letters, digits, spaces or dashes.");
            }
            if (country.isEmpty()) {
                problems.put("country", "Please choose a country.");
            } else if (!Countries.known(country)) {
                problems.put("country", "Please choose a country from the list.");
            }
            required(problems, "cardNumber", cardNumber, 23);
            if (!cardNumber.isEmpty() && !problems.containsKey("cardNumber") && !CARD_NUMBER.matcher(cardNumber).matches()) {
                problems.put("cardNumber", "Card number must be 12 to 19 digits.");
            }
            required(problems, "expiry", expiry, 5);
            if (!expiry.isEmpty() && !problems.containsKey("expiry") && !EXPIRY.matcher(expiry).matches()) {
                problems.put("expiry", "Expiry must be MM/YY, such as 04/29.");
            } else if (!expiry.isEmpty() && !problems.containsKey("expiry") && expired(expiry)) {
                // caught here with the rest, not by the orders service after the format errors are fixed
                problems.put("expiry", "This card has expired; please use another card.");
            }
            required(problems, "cvc", cvc, 4);
            if (!cvc.isEmpty() && !problems.containsKey("cvc") && !CVC.matcher(cvc).matches()) {
                problems.put("cvc", "CVC must be 3 or 4 digits.");
            }
            return problems;
        }

        /** A card is good through the last day of its month (UTC, as the orders service checks). */
        private static boolean expired(String mmYy) {
            java.time.YearMonth through = java.time.YearMonth.of(2000 + Integer.parseInt(mmYy.substring(3)),
                    Integer.parseInt(mmYy.substring(0, 2)));
            return through.isBefore(java.time.YearMonth.now(java.time.ZoneOffset.UTC));
        }

        PlaceOrder toRequest(String cartId) {
            return new PlaceOrder(cartId, email,
                    new PlaceOrder.Address(name, line1, blankToNull(line2), city, blankToNull(region), postalCode, country),
                    new PlaceOrder.Payment(cardNumber, expiry, cvc));
        }

        @Override
        public String toString() {
            return "Submission[redacted]";
        }

        private static void required(Map<String, String> problems, String field, String value, int max) {
            if (value.isEmpty()) {
                problems.put(field, LABELS.get(field) + " is required.");
            } else {
                optional(problems, field, value, max);
            }
        }

        private static void optional(Map<String, String> problems, String field, String value, int max) {
            if (value.length() > max) {
                problems.put(field, LABELS.get(field) + " must be at most " + max + " characters.");
            }
        }

        private static String trim(String value) {
            return value == null ? "" : value.strip();
        }

        private static String blankToNull(String value) {
            return value.isEmpty() ? null : value;
        }
    }

    /**
     * Maps the orders service's field (a JSON path such as {@code payment.cardNumber} or
     * {@code shippingAddress.postalCode}) to the form's field, or null when the form has no such field.
     */
    static String formField(String ordersField) {
        if (ordersField == null) {
            return null;
        }
        String field = ordersField.replaceFirst("^(shippingAddress|payment)\\.", "");
        return LABELS.containsKey(field) ? field : null;
    }

    /** "Card number" + "must be 12 to 19 digits" → "Card number must be 12 to 19 digits." */
    static String sentence(String field, String message) {
        String text = LABELS.get(field) + " " + message.strip();
        return text.endsWith(".") ? text : text + ".";
    }

    CheckoutForm withErrors(Map<String, String> fieldErrors, String formMessage) {
        return new CheckoutForm(idempotencyKey, email, name, line1, line2, city, region, postalCode, country, expiry,
                fieldErrors, formMessage);
    }

    /** A blank form with the email filled in (the signed-in shopper's account email). */
    CheckoutForm withEmail(String accountEmail) {
        return new CheckoutForm(idempotencyKey, accountEmail == null ? "" : accountEmail, name, line1, line2, city,
                region, postalCode, country, expiry, errors, message);
    }

    /** The same values with a new key: for when the old key belongs to a different request. */
    CheckoutForm withNewKey() {
        return new CheckoutForm(UUID.randomUUID().toString(), email, name, line1, line2, city, region, postalCode,
                country, expiry, errors, message);
    }

    /** The message for a field, or null. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The fields' messages in form order, for the summary at the top. */
    public List<String> errorList() {
        return LABELS.keySet().stream().filter(errors::containsKey).map(errors::get).toList();
    }

    public List<Countries.Country> countries() {
        return Countries.ALL;
    }
}
