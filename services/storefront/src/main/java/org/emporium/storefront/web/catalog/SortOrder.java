package org.emporium.storefront.web.catalog;

import java.util.Arrays;
import java.util.List;

/** The orders a category page offers; {@link #param} is both our query parameter and the catalog's. */
public enum SortOrder {
    NAME("name", "Name"),
    PRICE_ASCENDING("price", "Price: low to high"),
    PRICE_DESCENDING("-price", "Price: high to low"),
    NEWEST("newest", "Newest");

    public static final SortOrder DEFAULT = NAME;

    private final String param;
    private final String label;

    SortOrder(String param, String label) {
        this.param = param;
        this.label = label;
    }

    public String param() {
        return param;
    }

    public String label() {
        return label;
    }

    /** Unknown or missing values fall back to the default: a hand-edited URL still shows the category. */
    public static SortOrder fromParam(String value) {
        if (value == null) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(s -> s.param.equals(value.trim())).findFirst().orElse(DEFAULT);
    }

    /** The select's options, with this order marked as chosen. */
    public List<Choice> choices() {
        return Arrays.stream(values()).map(s -> new Choice(s.param, s.label, s == this)).toList();
    }

    public record Choice(String value, String label, boolean selected) {
    }
}
