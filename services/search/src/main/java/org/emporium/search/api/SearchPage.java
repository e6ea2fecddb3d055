package org.emporium.search.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.emporium.search.index.SearchResult;

/** The body of {@code GET /api/search}. */
public record SearchPage(List<Item> items, long total, int page, int size, Facets facets, String didYouMean) {

    /**
     * {@code available}: units inventory can still reserve, null while search has not heard of
     * the SKU's stock; {@code inStock}: available &gt; 0, null when unknown.
     */
    public record Item(String id, String sku, String name, String brand, String category, Price price,
                       String imageUrl, String snippet,
                       @Schema(nullable = true, description = "units that can still be reserved; null while unknown")
                       Integer available,
                       @Schema(nullable = true, description = "available > 0; null while unknown") Boolean inStock) {
    }

    public record Price(String amount, String currency) {
    }

    /** {@code availability}: always {@code in-stock} then {@code out-of-stock}; products of unknown stock are in neither. */
    public record Facets(List<ValueCount> category, List<ValueCount> brand, List<PriceRange> price,
                         List<ValueCount> availability) {
    }

    public record ValueCount(String value, int count) {
    }

    /** {@code from} inclusive, {@code to} exclusive; {@code to} is null for the open top bucket. */
    public record PriceRange(long from, Long to, int count) {
    }

    static SearchPage of(SearchResult result) {
        List<Item> items = result.hits().stream().map(h -> {
            var p = h.product();
            return new Item(p.id(), p.sku(), p.name(), p.brand(), p.category(), new Price(p.price(), p.currency()),
                    p.imageUrl(), h.snippet(), h.available(), h.available() == null ? null : h.available() > 0);
        }).toList();
        var f = result.facets();
        Facets facets = new Facets(
                f.categories().stream().map(v -> new ValueCount(v.value(), v.count())).toList(),
                f.brands().stream().map(v -> new ValueCount(v.value(), v.count())).toList(),
                f.prices().stream().map(r -> new PriceRange(r.from(), r.to(), r.count())).toList(),
                f.availability().stream().map(v -> new ValueCount(v.value(), v.count())).toList());
        return new SearchPage(items, result.total(), result.page(), result.size(), facets, result.didYouMean());
    }
}
