package org.emporium.payments.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules of a card number (PAN): digits, length, the Luhn check digit, the brand. */
public final class CardNumbers {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 19;
    private static final Pattern SEPARATORS = Pattern.compile("[ \\-]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** A run of 12–19 digits, possibly grouped by spaces or dashes, as a number would be written. */
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9](?:[ \\-]?[0-9]){11,}");

    private CardNumbers() {
    }

    /** The digits of a number written with spaces or dashes; null if anything else is in it. */
    public static String digits(String written) {
        if (written == null) {
            return null;
        }
        String digits = SEPARATORS.matcher(written.strip()).replaceAll("");
        return DIGITS.matcher(digits).matches() ? digits : null;
    }

    public static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** visa (4…), mastercard (51–55, 2221–2720), amex (34, 37), else "card". */
    public static String brand(String digits) {
        if (digits.startsWith("4")) {
            return "visa";
        }
        if (digits.length() >= 2) {
            int two = Integer.parseInt(digits.substring(0, 2));
            if (two >= 51 && two <= 55) {
                return "mastercard";
            }
            if (two == 34 || two == 37) {
                return "amex";
            }
        }
        if (digits.length() >= 4) {
            int four = Integer.parseInt(digits.substring(0, 4));
            if (four >= 2221 && four <= 2720) {
                return "mastercard";
            }
        }
        return "card";
    }

    public static String last4(String digits) {
        return digits.substring(digits.length() - 4);
    }

    /**
     * Whether the text holds something that is a card number (12–19 digits, Luhn-valid). Guards
     * what is stored: a token is never a card number.
     */
    public static boolean containsCardNumber(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            String run = SEPARATORS.matcher(m.group()).replaceAll("");
            // any window of a long run could be the number
            for (int len = MIN_LENGTH; len <= Math.min(MAX_LENGTH, run.length()); len++) {
                for (int start = 0; start + len <= run.length(); start++) {
                    if (luhn(run.substring(start, start + len))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
