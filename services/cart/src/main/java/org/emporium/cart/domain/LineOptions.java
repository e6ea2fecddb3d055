package org.emporium.cart.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The options of a cart line (issue 20, variants): option name to the value chosen, such as
 * {@code size: M}, checked against the options the catalog offers for the product (option name to
 * allowed values). Kept sorted by name, so two maps naming the same choices are one line.
 */
public final class LineOptions {

    /** At most this many options on one line, each name and value at most this long: never more than the catalog offers. */
    public static final int MAX_OPTIONS = 10;
    public static final int MAX_LENGTH = 80;

    /** A choice the product doesn't allow: the field ({@code options.size}, {@code options}) and what to do. */
    public record Invalid(String field, String detail) {
    }

    private LineOptions() {
    }

    /** The options sorted by name, unmodifiable; null is none. */
    public static Map<String, String> canonical(Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /**
     * Whether {@code chosen} names exactly the options the product {@code offered}, each with a value
     * it allows; empty when it does.
     */
    public static Optional<Invalid> check(String sku, Map<String, String> chosen, Map<String, List<String>> offered) {
        Map<String, String> choice = chosen == null ? Map.of() : chosen;
        Map<String, List<String>> offers = offered == null ? Map.of() : offered;
        if (choice.size() > MAX_OPTIONS) {
            return Optional.of(new Invalid("options", "at most " + MAX_OPTIONS + " options"));
        }
        for (String name : new TreeMap<>(choice).keySet()) {
            if (!offers.containsKey(name)) {
                return Optional.of(offers.isEmpty()
                        ? new Invalid("options", sku + " has no options to choose: send none")
                        : new Invalid("options." + printable(name), sku + " has no option '" + printable(name) + "'; its options: "
                                + String.join(", ", offers.keySet())));
            }
        }
        for (Map.Entry<String, List<String>> offer : new TreeMap<>(offers).entrySet()) {
            String name = offer.getKey();
            String value = choice.get(name);
            String allowed = String.join(", ", offer.getValue());
            if (value == null) {
                return Optional.of(new Invalid("options." + name, "Choose " + article(name) + " " + name + ": " + allowed));
            }
            if (!offer.getValue().contains(value)) {
                return Optional.of(new Invalid("options." + name, "No " + name + " '" + printable(value) + "' for " + sku
                        + ". Choose " + article(name) + " " + name + ": " + allowed));
            }
        }
        return Optional.empty();
    }

    /**
     * The options a line is addressed by in a URL: each {@code name:value} (split at the first
     * colon), such as {@code ?option=size:M}; none is the line without options.
     *
     * @throws IllegalArgumentException naming what is wrong with a parameter
     */
    public static Map<String, String> fromQuery(List<String> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return Map.of();
        }
        if (parameters.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("at most " + MAX_OPTIONS + " options");
        }
        Map<String, String> options = new TreeMap<>();
        for (String parameter : parameters) {
            int colon = parameter == null ? -1 : parameter.indexOf(':');
            if (colon <= 0 || colon == parameter.length() - 1) {
                throw new IllegalArgumentException("must be name:value, such as size:M");
            }
            String name = parameter.substring(0, colon);
            String value = parameter.substring(colon + 1);
            if (name.length() > MAX_LENGTH || value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("a name or value of at most " + MAX_LENGTH + " characters");
            }
            if (options.put(name, value) != null) {
                throw new IllegalArgumentException("option '" + name + "' given twice");
            }
        }
        return canonical(options);
    }

    /** How a line is named in messages: {@code KIT-000001}, or {@code TSH-000001 (size M)}. */
    public static String describe(String sku, Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return sku;
        }
        StringBuilder text = new StringBuilder(sku).append(" (");
        canonical(options).forEach((name, value) -> text.append(text.charAt(text.length() - 1) == '(' ? "" : ", ")
                .append(name).append(' ').append(value));
        return text.append(')').toString();
    }

    private static String article(String name) {
        return "aeiou".indexOf(name.isEmpty() ? 'x' : Character.toLowerCase(name.charAt(0))) >= 0 ? "an" : "a";
    }

    /** For messages only: never a huge value, nor control characters. */
    static String printable(String value) {
        String text = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
