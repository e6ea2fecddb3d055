package org.emporium.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.emporium.search.index.ProductSearch;
import org.emporium.search.index.SearchIndex;
import org.emporium.search.index.SearchRequest;
import org.emporium.search.index.SearchResult;
import org.junit.jupiter.api.Test;

/** Repeated searches are answered from the cache until the index changes, never after. */
class AnswerCacheTest {

    @Test
    void answersRepeatsFromTheCacheUntilARefreshShowsAChange() throws IOException {
        try (SearchIndex index = SearchIndex.inMemory()) {
            ProductSearch search = new ProductSearch(index);
            AtomicInteger searches = new AtomicInteger();
            AnswerCache<SearchRequest, SearchResult> cache = new AnswerCache<>(index, 100);
            AnswerCache.Search<SearchRequest, SearchResult> counting = r -> {
                searches.incrementAndGet();
                return search.search(r);
            };
            index.upsert(org.emporium.search.index.ProductSearchTest.product("K1", "Brasswick Kettle", "Boils water.",
                    "Brasswick", "kitchen", "30.00", 1, 1));
            index.refresh();

            assertThat(cache.get(SearchRequest.text("kettle"), counting).total()).isEqualTo(1);
            assertThat(cache.get(SearchRequest.text("kettle"), counting).total()).isEqualTo(1);
            assertThat(searches).as("the repeat came from the cache").hasValue(1);

            index.upsert(org.emporium.search.index.ProductSearchTest.product("K2", "Fjell Kettle", "Whistles.",
                    "Fjell", "kitchen", "40.00", 2, 1));
            assertThat(cache.get(SearchRequest.text("kettle"), counting).total())
                    .as("written but not yet refreshed: searches cannot see it either").isEqualTo(1);
            index.refresh();

            assertThat(cache.get(SearchRequest.text("kettle"), counting).total()).isEqualTo(2);
            assertThat(searches).hasValue(2);

            // a stock change alone moves the generation too: the cached "in stock" answer is not served again
            SearchRequest inStock = SearchRequest.text("kettle").inStockOnly();
            assertThat(cache.get(inStock, counting).total()).isZero();
            index.stock(new org.emporium.search.index.StockLevel("K1", 3, 1));
            index.refresh();
            assertThat(cache.get(inStock, counting).total()).isEqualTo(1);
            assertThat(cache.get(inStock, counting).hits().get(0).available()).isEqualTo(3);
            assertThat(searches).hasValue(4);
        }
    }
}
