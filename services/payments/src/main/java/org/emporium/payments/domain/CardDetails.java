package org.emporium.payments.domain;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card as the shopper typed it, validated: the number's digits, the expiry month, the CVC. It
 * exists only on the way to the provider's tokenization; nothing stores or logs it, and its
 * {@link #toString()} shows the last four digits only.
 */
public record CardDetails(String number, YearMonth expiry, String cvc) {

    private static final Pattern EXPIRY = Pattern.compile("\\s*([0-9]{1,2})\\s*/\\s*([0-9]{2}|[0-9]{4})\\s*");
    private static final Pattern CVC = Pattern.compile("[0-9]{3,4}");
    /** Cards are issued for a few years; a date further out is a typing error. */
    private static final int MAX_YEARS_AHEAD = 20;

    /**
     * Validates what the shopper typed. The number may be grouped by spaces or dashes; the expiry
     * is MM/YY or MM/YYYY and the card is valid through the end of that month.
     *
     * @throws InvalidCard naming the first field that is wrong
     */
    public static CardDetails of(String number, String expiry, String cvc, YearMonth now) {
        if (number == null || number.isBlank()) {
            throw new InvalidCard("cardNumber", "is required");
        }
        String digits = CardNumbers.digits(number);
        if (digits == null || digits.length() < CardNumbers.MIN_LENGTH || digits.length() > CardNumbers.MAX_LENGTH) {
            throw new InvalidCard("cardNumber", "must be 12 to 19 digits (spaces and dashes allowed)");
        }
        if (!CardNumbers.luhn(digits)) {
            throw new InvalidCard("cardNumber", "is not a valid card number (check digit)");
        }
        YearMonth month = expiry(expiry, now);
        if (cvc == null || !CVC.matcher(cvc.strip()).matches()) {
            throw new InvalidCard("cvc", "must be 3 or 4 digits");
        }
        return new CardDetails(digits, month, cvc.strip());
    }

    private static YearMonth expiry(String expiry, YearMonth now) {
        if (expiry == null || expiry.isBlank()) {
            throw new InvalidCard("expiry", "is required, as MM/YY");
        }
        Matcher m = EXPIRY.matcher(expiry);
        if (!m.matches()) {
            throw new InvalidCard("expiry", "must be MM/YY or MM/YYYY");
        }
        int month = Integer.parseInt(m.group(1));
        int year = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw new InvalidCard("expiry", "month must be 01 to 12");
        }
        if (m.group(2).length() == 2) {
            year += 2000;
        }
        YearMonth value = YearMonth.of(year, month);
        if (value.isBefore(now)) {
            throw new InvalidCard("expiry", "the card has expired");
        }
        if (value.isAfter(now.plusYears(MAX_YEARS_AHEAD))) {
            throw new InvalidCard("expiry", "is too far in the future");
        }
        return value;
    }

    public String last4() {
        return CardNumbers.last4(number);
    }

    public String brand() {
        return CardNumbers.brand(number);
    }

    @Override
    public String toString() {
        return "CardDetails[" + brand() + " ending " + last4() + ", expiry " + expiry + "]";
    }
}
