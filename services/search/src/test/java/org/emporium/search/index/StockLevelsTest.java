package org.emporium.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.search.index.ProductSearchTest.product;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stock levels: the version rule, stock before its product, the inStock filter and the availability facet. */
class StockLevelsTest {

    private SearchIndex index;
    private ProductSearch search;

    @BeforeEach
    void fill() throws IOException {
        index = SearchIndex.inMemory();
        search = new ProductSearch(index);
        index.upsert(product("H1", "Nordlicht Studio Headphones", "", "Nordlicht", "audio", "129.00", 1, 1));
        index.upsert(product("H2", "Nordlicht Travel Headphones", "", "Nordlicht", "audio", "249.00", 2, 1));
        index.upsert(product("H3", "Voltari Buds", "", "Voltari", "audio", "49.99", 3, 1));
        index.upsert(product("K1", "Brasswick Electric Kettle", "", "Brasswick", "kitchen", "80.00", 4, 1));
        index.refresh();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void unknownStockIsShownWithoutALevelAndIsNotInStock() throws IOException {
        SearchResult all = search.search(SearchRequest.text(""));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.hits()).extracting(SearchResult.Hit::available).containsOnlyNulls();
        assertThat(all.facets().availability()).containsExactly(count("in-stock", 0), count("out-of-stock", 0));
        assertThat(search.search(SearchRequest.text("").inStockOnly()).total()).isZero();
    }

    @Test
    void aNewerLevelWinsAndAnOlderOrRepeatedOneIsDropped() throws IOException {
        assertThat(index.stock(new StockLevel("H1", 5, 2))).isTrue();
        assertThat(index.stock(new StockLevel("H1", 9, 1))).as("older, not yet refreshed").isFalse();
        assertThat(index.stock(new StockLevel("H1", 5, 2))).as("redelivered").isFalse();
        index.refresh();
        assertThat(index.stock(new StockLevel("H1", 9, 1))).as("older, read from the index").isFalse();
        assertThat(index.stock(new StockLevel("H1", 0, 3))).isTrue();
        index.refresh();
        assertThat(index.stock(new StockLevel("H1", 7, 3))).as("same version, other level").isFalse();
        index.refresh();
        assertThat(available()).containsEntry("H1", 0);
        assertThat(index.stock("H1")).isEqualTo(new StockLevel("H1", 0, 3));
    }

    @Test
    void stockThatArrivesBeforeItsProductIsKeptAndAppliedWhenTheProductComes() throws IOException {
        assertThat(index.stock(new StockLevel("N1", 3, 1))).isTrue();
        index.refresh();
        assertThat(search.search(SearchRequest.text("")).total()).as("stock alone is not a product").isEqualTo(4);
        assertThat(index.productCount()).isEqualTo(4);

        index.upsert(product("N1", "Fjell Kettle", "", "Fjell", "kitchen", "40.00", 5, 1));
        index.refresh();
        assertThat(available()).containsEntry("N1", 3);
        // and in the same batch, before any refresh: the upsert sees the pending level
        index.stock(new StockLevel("N2", 6, 4));
        index.upsert(product("N2", "Fjell Teapot", "", "Fjell", "kitchen", "30.00", 6, 1));
        index.refresh();
        assertThat(available()).containsEntry("N2", 6);
    }

    @Test
    void aProductUpsertKeepsTheKnownLevelAndAChangeAfterItUpdatesIt() throws IOException {
        index.stock(new StockLevel("K1", 4, 1));
        index.refresh();
        index.upsert(product("K1", "Brasswick Electric Kettle, Steel", "", "Brasswick", "kitchen", "85.00", 4, 2));
        index.refresh();
        assertThat(available()).containsEntry("K1", 4);
        index.upsert(product("K1", "Brasswick Electric Kettle, Copper", "", "Brasswick", "kitchen", "95.00", 4, 3));
        index.stock(new StockLevel("K1", 0, 2)); // same batch, after the upsert: applies to the new document
        index.refresh();
        assertThat(available()).containsEntry("K1", 0);
        assertThat(search.search(SearchRequest.text("copper")).hits()).hasSize(1);
    }

    @Test
    void aDeletedProductComesBackWithItsCurrentLevel() throws IOException {
        index.delete(ProductSearchTest.id("H3"), 2);
        index.stock(new StockLevel("H3", 8, 1));
        index.refresh();
        assertThat(available()).doesNotContainKey("H3");
        index.upsert(product("H3", "Voltari Buds", "", "Voltari", "audio", "49.99", 3, 3));
        index.refresh();
        assertThat(available()).containsEntry("H3", 8);
    }

    @Test
    void filtersToAvailableUnitsAndCountsAvailabilityDrillSideways() throws IOException {
        index.stock(new StockLevel("H1", 5, 1));
        index.stock(new StockLevel("H2", 0, 1));
        index.stock(new StockLevel("K1", 2, 1));
        index.refresh(); // H3 unknown

        SearchResult inStock = search.search(SearchRequest.text("").inStockOnly());
        assertThat(inStock.hits()).extracting(h -> h.product().sku()).containsExactlyInAnyOrder("H1", "K1");
        // its own filter does not narrow availability; the others' do
        assertThat(inStock.facets().availability()).containsExactly(count("in-stock", 2), count("out-of-stock", 1));
        assertThat(inStock.facets().brands()).containsExactlyInAnyOrder(count("Nordlicht", 1), count("Brasswick", 1));
        assertThat(inStock.facets().prices()).extracting(SearchResult.PriceCount::count).containsExactly(0, 0, 1, 1, 0, 0, 0);

        SearchResult nordlicht = search.search(SearchRequest.text("headphones").withBrands("Nordlicht"));
        assertThat(nordlicht.facets().availability()).containsExactly(count("in-stock", 1), count("out-of-stock", 1));
        SearchResult audioInStock = search.search(SearchRequest.text("").withCategories("audio").inStockOnly());
        assertThat(audioInStock.total()).isEqualTo(1);
        assertThat(audioInStock.facets().availability()).containsExactly(count("in-stock", 1), count("out-of-stock", 1));
        assertThat(audioInStock.hits().get(0).available()).isEqualTo(5);
    }

    @Test
    void aStockChangeAloneMakesANewGeneration() throws IOException {
        long before = index.generation();
        index.stock(new StockLevel("H1", 1, 1));
        assertThat(index.hasPendingChanges()).isTrue();
        index.refresh();
        assertThat(index.generation()).isGreaterThan(before);
        assertThat(search.search(SearchRequest.text("").inStockOnly()).total()).isEqualTo(1);
    }

    @Test
    void stockSurvivesACommitAndReopen(@TempDir Path dir) throws IOException {
        try (SearchIndex onDisk = SearchIndex.open(dir)) {
            onDisk.stock(new StockLevel("ZZ-1", 1, 7)); // a SKU without a product yet
            onDisk.upsert(product("K9", "Brasswick Kettle", "", "Brasswick", "kitchen", "30.00", 1, 1));
            onDisk.stock(new StockLevel("K9", 2, 3));
            onDisk.commit(Map.of("kafka.offset.inventory.stock.v1-0", "3"));
        }
        try (SearchIndex reopened = SearchIndex.open(dir)) {
            assertThat(reopened.rebuilt()).isFalse();
            assertThat(reopened.stock("ZZ-1")).isEqualTo(new StockLevel("ZZ-1", 1, 7));
            assertThat(reopened.stock(new StockLevel("K9", 1, 2))).as("older than the committed level").isFalse();
            SearchResult inStock = new ProductSearch(reopened).search(SearchRequest.text("").inStockOnly());
            assertThat(inStock.hits()).extracting(SearchResult.Hit::available).containsExactly(2);
        }
    }

    private Map<String, Integer> available() throws IOException {
        List<SearchResult.Hit> hits = search.search(SearchRequest.text("").page(0, 100)).hits();
        return hits.stream().filter(h -> h.available() != null)
                .collect(Collectors.toMap(h -> h.product().sku(), SearchResult.Hit::available));
    }

    private static SearchResult.ValueCount count(String value, int count) {
        return new SearchResult.ValueCount(value, count);
    }
}
