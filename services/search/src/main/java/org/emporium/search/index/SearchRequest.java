package org.emporium.search.index;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One search, already validated: free text (may be empty: browse everything), filters
 * (OR within a dimension, AND across; {@code inStock} keeps only products known to have
 * available units), order and page.
 */
public record SearchRequest(String text, List<String> categories, List<String> brands, BigDecimal minPrice,
                            BigDecimal maxPrice, boolean inStock, SearchSort sort, int page, int size) {

    public SearchRequest {
        text = text == null ? "" : text;
        categories = List.copyOf(categories);
        brands = List.copyOf(brands);
        Objects.requireNonNull(sort, "sort");
    }

    public static SearchRequest text(String text) {
        return new SearchRequest(text, List.of(), List.of(), null, null, false, SearchSort.RELEVANCE, 0, 20);
    }

    public SearchRequest withCategories(String... slugs) {
        return new SearchRequest(text, List.of(slugs), brands, minPrice, maxPrice, inStock, sort, page, size);
    }

    public SearchRequest withBrands(String... names) {
        return new SearchRequest(text, categories, List.of(names), minPrice, maxPrice, inStock, sort, page, size);
    }

    public SearchRequest withPrice(BigDecimal min, BigDecimal max) {
        return new SearchRequest(text, categories, brands, min, max, inStock, sort, page, size);
    }

    public SearchRequest inStockOnly() {
        return new SearchRequest(text, categories, brands, minPrice, maxPrice, true, sort, page, size);
    }

    public SearchRequest sortedBy(SearchSort order) {
        return new SearchRequest(text, categories, brands, minPrice, maxPrice, inStock, order, page, size);
    }

    public SearchRequest page(int number, int pageSize) {
        return new SearchRequest(text, categories, brands, minPrice, maxPrice, inStock, sort, number, pageSize);
    }
}
