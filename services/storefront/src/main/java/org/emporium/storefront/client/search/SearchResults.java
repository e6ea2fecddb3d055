package org.emporium.storefront.client.search;

import java.math.BigDecimal;
import java.util.List;
import org.emporium.storefront.client.Money;

/**
 * One page of search results with the facet counts for the whole result set. Facet counts are
 * drill-sideways: a dimension's counts ignore that dimension's own filter.
 *
 * @param didYouMean a better-spelled query search suggests, or null
 */
public record SearchResults(List<Hit> items, long total, int page, int size, Facets facets, String didYouMean) {

    public SearchResults {
        items = items == null ? List.of() : List.copyOf(items);
        facets = facets == null ? new Facets(null, null, null) : facets;
    }

    /**
     * A matching product. {@code snippet} is HTML: search escapes the text and marks the matched
     * words with {@code <mark>}; the storefront still sanitizes it before rendering it raw.
     */
    public record Hit(String id, String sku, String name, String brand, String category, Money price,
                      String imageUrl, String snippet) {
    }

    public record Facets(List<Value> category, List<Value> brand, List<PriceRange> price) {

        public Facets {
            category = category == null ? List.of() : List.copyOf(category);
            brand = brand == null ? List.of() : List.copyOf(brand);
            price = price == null ? List.of() : List.copyOf(price);
        }
    }

    /** A facet value (a category slug or a brand name) and how many results have it. */
    public record Value(String value, long count) {
    }

    /** A price bucket; {@code to} is null for the open-ended last one. */
    public record PriceRange(BigDecimal from, BigDecimal to, long count) {
    }
}
