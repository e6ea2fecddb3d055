package org.emporium.search.index;

import java.util.List;

/** One page of products, the total, facet counts and, when the text looks misspelled, a correction. */
public record SearchResult(List<Hit> hits, long total, int page, int size, FacetValues facets, String didYouMean) {

    /**
     * A product, its snippet (HTML-escaped text with matches in {@code <mark>}) and the units
     * available as inventory last said: null while the SKU's stock is unknown.
     */
    public record Hit(ProductDocument.Stored product, String snippet, Integer available) {
    }

    public record FacetValues(List<ValueCount> categories, List<ValueCount> brands, List<PriceCount> prices,
                              List<ValueCount> availability) {
    }

    public record ValueCount(String value, int count) {
    }

    /** A price bucket in whole currency units: {@code from} inclusive, {@code to} exclusive, null when open. */
    public record PriceCount(long from, Long to, int count) {
    }
}
