package org.emporium.catalog;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The orders a product listing offers. Every order ends with the id so paging is stable. */
public enum ProductSort {
    NAME("name", "name, id"),
    PRICE("price", "price_amount, id"),
    PRICE_DESC("-price", "price_amount DESC, id"),
    NEWEST("newest", "created_at DESC, id");

    private final String key;
    private final String orderBy;

    ProductSort(String key, String orderBy) {
        this.key = key;
        this.orderBy = orderBy;
    }

    public String key() {
        return key;
    }

    public String orderBy() {
        return orderBy;
    }

    public static Optional<ProductSort> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static String keys() {
        return Arrays.stream(values()).map(ProductSort::key).collect(Collectors.joining(", "));
    }
}
