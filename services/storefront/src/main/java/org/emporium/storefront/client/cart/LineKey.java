package org.emporium.storefront.client.cart;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which line of a cart: a SKU and the options chosen for it ({@code {"size": "M"}}), since two sizes
 * of one product are two lines. The cart service addresses a line with options as
 * {@code ?option=size:M}; the shop's forms carry the one option the catalog has, {@code size}.
 */
public record LineKey(String sku, Map<String, String> options) {

    public static final String SIZE = "size";

    public LineKey {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(options));
    }

    /** The line of {@code sku} in {@code size}, or without options when no size is given. */
    public static LineKey of(String sku, String size) {
        return new LineKey(sku, size == null || size.isBlank() ? Map.of() : Map.of(SIZE, size.strip()));
    }

    public String size() {
        return options.get(SIZE);
    }

    /** The cart API's {@code option} query values, {@code name:value}. */
    public List<String> query() {
        return options.entrySet().stream().map(e -> e.getKey() + ':' + e.getValue()).toList();
    }

    /** For the shopper: "Size M" (empty without options). */
    public String label() {
        return options.entrySet().stream()
                .map(e -> e.getKey().substring(0, 1).toUpperCase(Locale.ROOT) + e.getKey().substring(1) + ' ' + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A value usable in an element id: the SKU, then the options' values, letters and digits only. */
    public String htmlId() {
        StringBuilder id = new StringBuilder(sku);
        options.values().forEach(v -> id.append('-').append(v.replaceAll("[^A-Za-z0-9]", "")));
        return id.toString();
    }
}
