package org.emporium.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The named options a shopper chooses among when adding a product to the cart, derived from its
 * attributes at read time (so seeded and admin-created products alike have them). Only one kind
 * exists: attribute {@code sizes} gives option {@code size}. Its value is a range on the size
 * scale (XS, S, M, L, XL, XXL, 3XL), such as {@code S-XL} for S, M, L, XL, or a comma list in the
 * order given, such as {@code S,M,L} (one value is a list of one). A range whose ends are not both
 * on the scale, or that runs backwards, is read as a list. A product without the attribute has no
 * options.
 */
public final class ProductOptions {

    /** The size scale, smallest first: ranges such as S-XL are read on it. */
    public static final List<String> SIZE_SCALE = List.of("XS", "S", "M", "L", "XL", "XXL", "3XL");

    /** Which attribute gives which option. */
    private static final Map<String, String> OPTION_OF_ATTRIBUTE = Map.of("sizes", "size");

    private ProductOptions() {
    }

    /** Option name to allowed values in order; empty when the product has none. Never null. */
    public static Map<String, List<String>> of(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        OPTION_OF_ATTRIBUTE.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            String value = attributes.get(e.getKey());
            if (value != null) {
                List<String> values = values(value);
                if (!values.isEmpty()) {
                    options.put(e.getValue(), values);
                }
            }
        });
        return Collections.unmodifiableMap(options);
    }

    /** The values of one attribute: a range on the size scale, or a comma list. */
    static List<String> values(String text) {
        String trimmed = text.strip();
        if (!trimmed.contains(",")) {
            int dash = trimmed.indexOf('-');
            if (dash > 0 && dash == trimmed.lastIndexOf('-')) {
                int from = SIZE_SCALE.indexOf(trimmed.substring(0, dash).strip().toUpperCase(Locale.ROOT));
                int to = SIZE_SCALE.indexOf(trimmed.substring(dash + 1).strip().toUpperCase(Locale.ROOT));
                if (from >= 0 && to >= from) {
                    return SIZE_SCALE.subList(from, to + 1);
                }
            }
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : trimmed.split(",")) {
            String value = part.strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return List.copyOf(new ArrayList<>(values));
    }
}
