package org.emporium.storefront.client.search;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What a results page asks search for. Canonical on construction (the text's whitespace
 * collapsed, filter values trimmed, de-duplicated and sorted, prices without trailing zeros), so
 * two URLs that mean the same search are one cache key.
 *
 * @param q          the shopper's text; empty browses everything
 * @param categories category slugs; any of them matches
 * @param brands     brand names; any of them matches
 * @param minPrice   inclusive lower bound, or null
 * @param maxPrice   upper bound, or null
 * @param sort       one of search's sort keys: {@code relevance}, {@code price}, {@code -price}, {@code newest}
 * @param page       zero-based
 */
public record SearchQuery(String q, List<String> categories, List<String> brands, BigDecimal minPrice,
                          BigDecimal maxPrice, String sort, int page, int size) {

    public SearchQuery {
        q = q == null ? "" : q.strip().replaceAll("\\s+", " ");
        categories = canonical(categories);
        brands = canonical(brands);
        minPrice = minPrice == null ? null : minPrice.stripTrailingZeros();
        maxPrice = maxPrice == null ? null : maxPrice.stripTrailingZeros();
    }

    public boolean filtered() {
        return !categories.isEmpty() || !brands.isEmpty() || minPrice != null || maxPrice != null;
    }

    private static List<String> canonical(Collection<String> values) {
        return values == null ? List.of() : values.stream()
                .filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().sorted().toList();
    }
}
