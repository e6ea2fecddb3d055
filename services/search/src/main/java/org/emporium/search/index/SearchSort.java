package org.emporium.search.index;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;

/** Result orders. Ties always fall back to the name, so pages are stable. */
public enum SearchSort {
    RELEVANCE("relevance", new Sort(SortField.FIELD_SCORE, byName())),
    PRICE("price", new Sort(price(false), SortField.FIELD_SCORE, byName())),
    PRICE_DESCENDING("-price", new Sort(price(true), SortField.FIELD_SCORE, byName())),
    NEWEST("newest", new Sort(LongField.newSortField(ProductDocument.CREATED, true, SortedNumericSelector.Type.MIN),
            byName()));

    private final String key;
    private final Sort sort;

    SearchSort(String key, Sort sort) {
        this.key = key;
        this.sort = sort;
    }

    public String key() {
        return key;
    }

    Sort sort() {
        return sort;
    }

    public static Optional<SearchSort> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(SearchSort::key).toList();
    }

    private static SortField price(boolean descending) {
        return LongField.newSortField(ProductDocument.PRICE_CENTS, descending, SortedNumericSelector.Type.MIN);
    }

    private static SortField byName() {
        return new SortField(ProductDocument.NAME_SORT, SortField.Type.STRING);
    }
}
