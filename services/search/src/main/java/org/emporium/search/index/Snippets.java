package org.emporium.search.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippet of each hit: the best sentence of the description (or the name when only the name
 * matched), HTML-escaped, matches wrapped in {@code <mark>}. The storefront renders it as is, so
 * escaping here is what keeps product text from injecting markup.
 */
final class Snippets {

    private static final String[] FIELDS = {ProductDocument.DESCRIPTION, ProductDocument.TITLE};
    private static final int[] ONE_PASSAGE_EACH = {1, 1};
    private static final String MARK = "<mark>";

    private Snippets() {
    }

    static String[] of(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
        if (docIds.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, ProductAnalyzers.STEMMED)
                .withFormatter(new DefaultPassageFormatter(MARK, "</mark>", "… ", true))
                .withHandleMultiTermQuery(true)
                .withMaxLength(4_000)
                .build();
        Map<String, String[]> highlights = highlighter.highlightFields(FIELDS, query, docIds, ONE_PASSAGE_EACH);
        String[] descriptions = highlights.get(ProductDocument.DESCRIPTION);
        String[] names = highlights.get(ProductDocument.TITLE);
        String[] snippets = new String[docIds.length];
        for (int i = 0; i < docIds.length; i++) {
            String description = descriptions[i];
            String name = names[i];
            if (description != null && (description.contains(MARK) || name == null || !name.contains(MARK))) {
                snippets[i] = description.strip();
            } else {
                snippets[i] = name == null ? "" : name.strip();
            }
        }
        return snippets;
    }
}
