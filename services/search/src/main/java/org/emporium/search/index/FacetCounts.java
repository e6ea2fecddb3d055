package org.emporium.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.emporium.search.index.SearchIndex.ProductSearcher;
import org.emporium.search.index.SearchResult.FacetValues;
import org.emporium.search.index.SearchResult.PriceCount;
import org.emporium.search.index.SearchResult.ValueCount;

/**
 * Facet counts, drill-sideways: the counts of a dimension honour the filters of the other
 * dimensions but not its own, so a shopper who picked one brand still sees the others to add.
 * A dimension without a filter is counted from the main query's hits; each filtered dimension
 * costs one more counting pass (at most four).
 *
 * <p>Availability counts products whose stock is known: {@code in-stock} (available &gt; 0, what
 * the {@code inStock} filter keeps) and {@code out-of-stock} (0). A product whose stock inventory
 * has not announced yet is in neither, so the two may add up to less than the total.
 */
final class FacetCounts {

    static final int MAX_BRANDS = 30;
    static final int MAX_CATEGORIES = 50;
    private static final long[] PRICE_EDGES = {0, 25, 50, 100, 250, 500, 1000};
    static final LongRange[] PRICE_RANGES = priceRanges();
    static final String IN_STOCK = "in-stock";
    static final String OUT_OF_STOCK = "out-of-stock";
    // available units: at least one, or none (a product without the value has unknown stock)
    private static final LongRange[] STOCK_RANGES = {
            new LongRange(IN_STOCK, 1, true, Long.MAX_VALUE, true),
            new LongRange(OUT_OF_STOCK, 0, true, 0, true)};

    /** The filters of one search, one per dimension; null where the shopper set none. */
    record Filters(Query category, Query brand, Query price, Query stock) {

        Query all(Query base) {
            return with(base, category, brand, price, stock);
        }

        Query withoutCategory(Query base) {
            return with(base, brand, price, stock);
        }

        Query withoutBrand(Query base) {
            return with(base, category, price, stock);
        }

        Query withoutPrice(Query base) {
            return with(base, category, brand, stock);
        }

        Query withoutStock(Query base) {
            return with(base, category, brand, price);
        }

        private static Query with(Query base, Query... filters) {
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(base, Occur.MUST);
            for (Query filter : filters) {
                if (filter != null) {
                    query.add(filter, Occur.FILTER);
                }
            }
            return query.build();
        }
    }

    private FacetCounts() {
    }

    static FacetValues count(ProductSearcher searcher, Query base, Filters filters, FacetsCollector mainHits)
            throws IOException {
        FacetsCollector categoryHits = filters.category() == null ? mainHits : hits(searcher, filters.withoutCategory(base));
        FacetsCollector brandHits = filters.brand() == null ? mainHits : hits(searcher, filters.withoutBrand(base));
        FacetsCollector priceHits = filters.price() == null ? mainHits : hits(searcher, filters.withoutPrice(base));
        FacetsCollector stockHits = filters.stock() == null ? mainHits : hits(searcher, filters.withoutStock(base));
        return new FacetValues(
                values(searcher, categoryHits, ProductDocument.FACET_CATEGORY, MAX_CATEGORIES),
                values(searcher, brandHits, ProductDocument.FACET_BRAND, MAX_BRANDS),
                prices(priceHits),
                availability(stockHits));
    }

    static int total(FacetsCollector hits) {
        return hits.getMatchingDocs().stream().mapToInt(FacetsCollector.MatchingDocs::totalHits).sum();
    }

    private static FacetsCollector hits(ProductSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new FacetsCollectorManager());
    }

    static List<ValueCount> values(ProductSearcher searcher, FacetsCollector hits, String dimension, int max)
            throws IOException {
        if (searcher.facetState() == null || total(hits) == 0) {
            return List.of();
        }
        FacetResult result;
        try {
            result = new SortedSetDocValuesFacetCounts(searcher.facetState(), hits).getTopChildren(max, dimension);
        } catch (IllegalArgumentException noSuchDimension) { // no document has it yet
            return List.of();
        }
        if (result == null) {
            return List.of();
        }
        List<ValueCount> values = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            values.add(new ValueCount(lv.label, lv.value.intValue()));
        }
        return values;
    }

    private static List<PriceCount> prices(FacetsCollector hits) throws IOException {
        FacetResult result = new LongRangeFacetCounts(ProductDocument.PRICE_CENTS, hits, PRICE_RANGES)
                .getAllChildren(ProductDocument.PRICE_CENTS);
        List<PriceCount> prices = new ArrayList<>();
        for (int i = 0; i < PRICE_EDGES.length; i++) {
            Long to = i + 1 < PRICE_EDGES.length ? PRICE_EDGES[i + 1] : null;
            prices.add(new PriceCount(PRICE_EDGES[i], to, result.labelValues[i].value.intValue()));
        }
        return prices;
    }

    /** Always both values, zeros included, in-stock first. */
    private static List<ValueCount> availability(FacetsCollector hits) throws IOException {
        FacetResult result = new LongRangeFacetCounts(ProductDocument.AVAILABLE, hits, STOCK_RANGES)
                .getAllChildren(ProductDocument.AVAILABLE);
        List<ValueCount> counts = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            counts.add(new ValueCount(lv.label, lv.value.intValue()));
        }
        return counts;
    }

    private static LongRange[] priceRanges() {
        LongRange[] ranges = new LongRange[PRICE_EDGES.length];
        for (int i = 0; i < PRICE_EDGES.length; i++) {
            long from = PRICE_EDGES[i] * 100;
            long to = i + 1 < PRICE_EDGES.length ? PRICE_EDGES[i + 1] * 100 : Long.MAX_VALUE;
            ranges[i] = new LongRange(Long.toString(PRICE_EDGES[i]), from, true, to, i + 1 == PRICE_EDGES.length);
        }
        return ranges;
    }
}
