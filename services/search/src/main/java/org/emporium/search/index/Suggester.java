package org.emporium.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.emporium.search.index.SearchIndex.ProductSearcher;

/**
 * As-you-type completion: brands, then product names, whose words start with what was typed.
 * Every word but the last must be a whole word of the name (or brand); the last one may be the
 * start of one ("studio head" → "… Studio … Headphones"), unless the text ends in a space.
 * Runs against the live index, so a deleted product is never suggested.
 */
public final class Suggester {

    /** At most this many brands, so products still show below them. */
    static final int MAX_BRANDS = 3;

    private static final Query LIVE = new TermQuery(new Term(ProductDocument.KIND, ProductDocument.LIVE));
    private static final Sort BEST_THEN_NAME = new Sort(SortField.FIELD_SCORE,
            new SortField(ProductDocument.NAME_SORT, SortField.Type.STRING));

    /** A suggestion: {@code kind} is "brand" or "product"; products carry their SKU. */
    public record Suggestion(String text, String kind, String sku) {
    }

    private final SearchIndex index;

    public Suggester(SearchIndex index) {
        this.index = index;
    }

    /**
     * What completes the text; {@code correctedText} is set when nothing did and the text had a word
     * the index does not know with a close one it does ("hedphones"): the suggestions are then those
     * of the corrected text.
     */
    public record Suggestions(List<Suggestion> items, String correctedText) {
    }

    public Suggestions suggest(String text, int size) throws IOException {
        List<String> words = ProductAnalyzers.tokens(ProductAnalyzers.PLAIN, text);
        if (words.isEmpty()) {
            return new Suggestions(List.of(), null);
        }
        boolean lastWordComplete = Character.isWhitespace(text.charAt(text.length() - 1));
        ProductSearcher searcher = index.acquire();
        try {
            List<Suggestion> suggestions = completing(searcher, words, lastWordComplete, size);
            if (!suggestions.isEmpty()) {
                return new Suggestions(suggestions, null);
            }
            // the same correction as a search's "did you mean": a misspelt word has no completions
            String corrected = SpellingCorrection.correct(QueryBuilder.words(text, searcher.getIndexReader()),
                    searcher.getIndexReader());
            if (corrected == null) {
                return new Suggestions(List.of(), null);
            }
            List<Suggestion> ofCorrected = completing(searcher, ProductAnalyzers.tokens(ProductAnalyzers.PLAIN, corrected),
                    true, size);
            return ofCorrected.isEmpty() ? new Suggestions(List.of(), null) : new Suggestions(ofCorrected, corrected);
        } finally {
            index.release(searcher);
        }
    }

    private static List<Suggestion> completing(ProductSearcher searcher, List<String> words, boolean lastWordComplete,
                                               int size) throws IOException {
        List<Suggestion> suggestions = new ArrayList<>(brands(searcher,
                matching(ProductDocument.BRAND_PLAIN, words, lastWordComplete), Math.min(size, MAX_BRANDS)));
        suggestions.addAll(products(searcher, matching(ProductDocument.NAME_PLAIN, words, lastWordComplete),
                size - suggestions.size()));
        return suggestions;
    }

    private static Query matching(String field, List<String> words, boolean lastWordComplete) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(LIVE, Occur.FILTER);
        for (int i = 0; i < words.size(); i++) {
            Term term = new Term(field, words.get(i));
            boolean prefix = i == words.size() - 1 && !lastWordComplete;
            query.add(prefix ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
        }
        return query.build();
    }

    private static List<Suggestion> brands(ProductSearcher searcher, Query query, int max) throws IOException {
        if (max <= 0) {
            return List.of();
        }
        FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
        return FacetCounts.values(searcher, hits, ProductDocument.FACET_BRAND, max).stream()
                .map(brand -> new Suggestion(brand.value(), "brand", null))
                .toList();
    }

    private static List<Suggestion> products(ProductSearcher searcher, Query query, int max) throws IOException {
        if (max <= 0) {
            return List.of();
        }
        ScoreDoc[] top = searcher.search(query, max, BEST_THEN_NAME, true).scoreDocs;
        StoredFields stored = searcher.storedFields();
        List<Suggestion> products = new ArrayList<>(top.length);
        for (ScoreDoc hit : top) {
            var doc = stored.document(hit.doc, java.util.Set.of(ProductDocument.NAME, ProductDocument.SKU));
            products.add(new Suggestion(doc.get(ProductDocument.NAME), "product", doc.get(ProductDocument.SKU)));
        }
        return products;
    }
}
