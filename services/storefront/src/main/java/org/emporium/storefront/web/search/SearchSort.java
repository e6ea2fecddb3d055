package org.emporium.storefront.web.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.emporium.storefront.web.catalog.SortOrder;

/** The orders the results page offers; {@link #param} is both our query parameter and search's. */
public enum SearchSort {
    RELEVANCE("relevance", "Relevance"),
    PRICE_ASCENDING("price", "Price: low to high"),
    PRICE_DESCENDING("-price", "Price: high to low"),
    NEWEST("newest", "Newest");

    public static final SearchSort DEFAULT = RELEVANCE;

    private final String param;
    private final String label;

    SearchSort(String param, String label) {
        this.param = param;
        this.label = label;
    }

    public String param() {
        return param;
    }

    /** Empty for a value search doesn't know; a missing value is the default. */
    static Optional<SearchSort> fromParam(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(DEFAULT);
        }
        return Arrays.stream(values()).filter(s -> s.param.equals(value.strip())).findFirst();
    }

    /** The select's options, with this order marked as chosen. */
    List<SortOrder.Choice> choices() {
        return Arrays.stream(values()).map(s -> new SortOrder.Choice(s.param, s.label, s == this)).toList();
    }
}
