package org.emporium.storefront.web.layout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import org.emporium.storefront.client.Money;

/**
 * Formats catalog prices for display, e.g. {@code "1299.5" USD} as {@code $1,299.50}. Works on the
 * decimal string with {@link BigDecimal}, never a double, so no amount is ever shown off by a cent.
 * US English conventions throughout, like the rest of the site.
 */
public final class PriceFormat {

    /**
     * Each currency's US symbol, looked up once: {@link Currency#getSymbol(Locale)} asks the locale
     * providers every time (1 % of the storefront's CPU on product pages). Bounded by the ISO codes
     * {@link Currency#getInstance(String)} accepts.
     */
    private static final java.util.Map<Currency, String> SYMBOLS = new java.util.concurrent.ConcurrentHashMap<>();

    private PriceFormat() {
    }

    public static String format(Money price) {
        return price == null ? "" : format(price.amount(), price.currency());
    }

    public static String format(String amount, String currencyCode) {
        if (amount == null || amount.isBlank()) {
            return "";
        }
        BigDecimal value;
        Currency currency;
        try {
            value = new BigDecimal(amount.trim());
            currency = Currency.getInstance(currencyCode == null ? "" : currencyCode.trim());
        } catch (IllegalArgumentException e) {
            // an amount or currency we cannot interpret is still better shown raw than not at all
            return (amount.trim() + " " + (currencyCode == null ? "" : currencyCode.trim())).trim();
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal scaled = value.setScale(digits, RoundingMode.HALF_EVEN);
        String symbol = SYMBOLS.computeIfAbsent(currency, c -> c.getSymbol(Locale.US));
        // symbols that are letters (CHF, CA$ is fine) read better with a space before the number
        String separator = Character.isLetter(symbol.charAt(symbol.length() - 1)) ? "\u00a0" : "";
        String sign = scaled.signum() < 0 ? "-" : "";
        return sign + symbol + separator + group(scaled.abs().toPlainString());
    }

    /** Inserts thousands separators into a plain non-negative decimal string. */
    private static String group(String plain) {
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3);
        int firstGroup = whole.length() % 3 == 0 ? 3 : whole.length() % 3;
        out.append(whole, 0, firstGroup);
        for (int i = firstGroup; i < whole.length(); i += 3) {
            out.append(',').append(whole, i, i + 3);
        }
        return out.append(fraction).toString();
    }
}
