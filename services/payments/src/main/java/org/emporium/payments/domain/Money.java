package org.emporium.payments.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** An amount in a currency. Decimal, never binary floating point; on the wire as text ("12.34"). */
public record Money(BigDecimal amount, String currency) {

    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,12}\\.[0-9]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0 || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("not an amount of money: " + amount + " " + currency);
        }
        amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /**
     * Parses the contract's form: digits, a point, two decimals (at most 12 digits before the
     * point, what the ledger's column holds), and an ISO 4217 code.
     */
    public static Money parse(String amount, String currency) {
        if (amount == null || !AMOUNT.matcher(amount).matches()) {
            throw new IllegalArgumentException("amount must be digits with two decimals, e.g. 12.34");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be three capital letters, e.g. EUR");
        }
        return new Money(new BigDecimal(amount), currency);
    }

    /** The amount as the contracts write it: "12.34". */
    public String text() {
        return amount.toPlainString();
    }
}
