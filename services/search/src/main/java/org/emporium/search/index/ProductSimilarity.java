package org.emporium.search.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;

/**
 * BM25, with less length normalization on short fields. Product titles differ in length mostly
 * by specs ("…, 16GB RAM, 512GB SSD, Slate Blue"), not by being less about the word searched;
 * with the default b=0.75 a short book title "Dutch Oven Cooking" beat every Dutch oven.
 */
final class ProductSimilarity extends PerFieldSimilarityWrapper {

    static final ProductSimilarity INSTANCE = new ProductSimilarity();

    private final Similarity shortFields = new BM25Similarity(1.2f, 0.3f);
    private final Similarity defaults = new BM25Similarity();

    @Override
    public Similarity get(String field) {
        return switch (field) {
            case ProductDocument.TITLE, ProductDocument.NAME_PLAIN, ProductDocument.BRAND, ProductDocument.BRAND_PLAIN,
                 ProductDocument.CATEGORY, ProductDocument.CATEGORY_PLAIN -> shortFields;
            default -> defaults;
        };
    }
}
