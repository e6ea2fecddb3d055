package org.emporium.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.emporium.search.JudgedQueries;
import org.emporium.search.SeedCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The judged query set ({@link JudgedQueries}) against the seeded catalog in memory; fails listing every miss. */
class JudgedQueriesTest {

    private static SearchIndex index;

    @BeforeAll
    static void indexTheSeededCatalog() throws IOException {
        index = SeedCatalog.index();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void everyJudgedQueryHasItsProductsInTheTopFive() {
        ProductSearch search = new ProductSearch(index);
        assertThat(JudgedQueries.all()).hasSizeGreaterThanOrEqualTo(30);
        List<String> misses = JudgedQueries.misses(q -> {
            try {
                return search.search(SearchRequest.text(q).page(0, 5)).hits().stream().map(h -> h.product().sku()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(misses).as("judged queries that missed (of %d)", JudgedQueries.all().size()).isEmpty();
    }
}
