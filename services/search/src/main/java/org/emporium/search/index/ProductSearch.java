package org.emporium.search.index;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsCollectorManager.FacetsResult;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.emporium.search.index.FacetCounts.Filters;
import org.emporium.search.index.QueryBuilder.TextQuery;
import org.emporium.search.index.SearchIndex.ProductSearcher;

/**
 * Runs a {@link SearchRequest}: the text query over live products, filters, the requested order
 * and page, drill-sideways facet counts, snippets and a spelling correction. When no product has
 * every word, it answers with the products that have all but one.
 */
public final class ProductSearch {

    /** Deepest result reachable by paging: page * size must not pass it. */
    public static final int MAX_DEPTH = 10_000;

    private static final Query LIVE = new TermQuery(new Term(ProductDocument.KIND, ProductDocument.LIVE));
    // Unknown stock (no value) is not "in stock": the filter promises products that can be bought.
    // A doc-values query, not points: stock changes update the value in place. As a FILTER next to
    // the text query it only checks the documents the text matched.
    private static final Query IN_STOCK = NumericDocValuesField.newSlowRangeQuery(ProductDocument.AVAILABLE, 1, Long.MAX_VALUE);

    private final SearchIndex index;

    public ProductSearch(SearchIndex index) {
        this.index = index;
    }

    public SearchResult search(SearchRequest request) throws IOException {
        ProductSearcher searcher = index.acquire();
        try {
            TextQuery text = QueryBuilder.build(request.text(), searcher.getIndexReader());
            Filters filters = filters(request);
            int window = (request.page() + 1) * request.size();
            Query base = live(text.strict());
            FacetsResult main = run(searcher, filters.all(base), window, request);
            if (FacetCounts.total(main.facetsCollector()) == 0 && text.loose() != null) {
                base = live(text.loose());
                main = run(searcher, filters.all(base), window, request);
            }
            int total = FacetCounts.total(main.facetsCollector());
            SearchResult.FacetValues facets = FacetCounts.count(searcher, base, filters, main.facetsCollector());
            String corrected = text.isEmpty() ? null : SpellingCorrection.correct(text.words(), searcher.getIndexReader());
            Query highlight = QueryBuilder.highlight(corrected != null ? corrected : request.text());
            List<SearchResult.Hit> hits = page(searcher, main.topDocs().scoreDocs, request, highlight);
            String didYouMean = corrected == null ? null : didYouMean(searcher, corrected, filters);
            return new SearchResult(hits, total, request.page(), request.size(), facets, didYouMean);
        } finally {
            index.release(searcher);
        }
    }

    private static FacetsResult run(ProductSearcher searcher, Query query, int window, SearchRequest request)
            throws IOException {
        return FacetsCollectorManager.search(searcher, query, window, request.sort().sort(), false,
                new FacetsCollectorManager());
    }

    private static List<SearchResult.Hit> page(ProductSearcher searcher, ScoreDoc[] top, SearchRequest request,
                                               Query highlight) throws IOException {
        int from = Math.min(top.length, request.page() * request.size());
        ScoreDoc[] onPage = Arrays.copyOfRange(top, from, top.length);
        int[] docIds = Arrays.stream(onPage).mapToInt(d -> d.doc).toArray();
        String[] snippets = Snippets.of(searcher, highlight, docIds);
        // Stored fields are compressed in blocks of many documents: reading the page in document
        // order decompresses a block once for all its hits instead of once per hit.
        Integer[] byDocId = new Integer[docIds.length];
        for (int i = 0; i < byDocId.length; i++) {
            byDocId[i] = i;
        }
        Arrays.sort(byDocId, (a, b) -> Integer.compare(docIds[a], docIds[b]));
        StoredFields stored = searcher.storedFields();
        ProductDocument.Stored[] documents = new ProductDocument.Stored[docIds.length];
        for (int i : byDocId) {
            documents[i] = ProductDocument.Stored.of(stored.document(docIds[i]));
        }
        List<SearchResult.Hit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            hits.add(new SearchResult.Hit(documents[i], snippets[i], available(searcher, docIds[i])));
        }
        return hits;
    }

    /** The product's available units (a doc value, updated in place by stock changes), null if unknown. */
    private static Integer available(ProductSearcher searcher, int docId) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
        NumericDocValues available = leaf.reader().getNumericDocValues(ProductDocument.AVAILABLE);
        if (available == null || !available.advanceExact(docId - leaf.docBase)) {
            return null;
        }
        return (int) available.longValue();
    }

    /** A correction is offered only when the text had unknown words and the corrected text finds products. */
    private static String didYouMean(ProductSearcher searcher, String corrected, Filters filters) throws IOException {
        TextQuery correctedQuery = QueryBuilder.build(corrected, searcher.getIndexReader());
        return searcher.count(filters.all(live(correctedQuery.strict()))) > 0 ? corrected : null;
    }

    private static Query live(Query text) {
        return new BooleanQuery.Builder().add(text, Occur.MUST).add(LIVE, Occur.FILTER).build();
    }

    private static Filters filters(SearchRequest request) {
        return new Filters(
                anyOf(ProductDocument.CATEGORY_KEY, request.categories()),
                anyOf(ProductDocument.BRAND_KEY, request.brands()),
                priceRange(request.minPrice(), request.maxPrice()),
                request.inStock() ? IN_STOCK : null);
    }

    private static Query anyOf(String field, List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.stream().distinct().forEach(v -> any.add(new TermQuery(new Term(field, ProductDocument.key(v))), Occur.SHOULD));
        return any.build();
    }

    private static Query priceRange(BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            return null;
        }
        // bounds are inclusive; a bound between two cents rounds inwards
        long from = min == null ? Long.MIN_VALUE : cents(min, RoundingMode.CEILING);
        long to = max == null ? Long.MAX_VALUE : cents(max, RoundingMode.FLOOR);
        return LongField.newRangeQuery(ProductDocument.PRICE_CENTS, from, to);
    }

    private static long cents(BigDecimal amount, RoundingMode rounding) {
        BigDecimal cents = amount.movePointRight(2).setScale(0, rounding);
        return cents.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0 ? Long.MAX_VALUE / 2 : cents.longValue();
    }
}
