package org.emporium.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Query building, relevance, filters, facets, snippets and versions, on a small in-memory index. */
public class ProductSearchTest {

    private SearchIndex index;
    private ProductSearch search;

    @BeforeEach
    void fill() throws IOException {
        index = SearchIndex.inMemory();
        search = new ProductSearch(index);
        add("H1", "Nordlicht Studio Headphones", "Closed-back headphones for the studio.", "Nordlicht", "headphones-audio", "129.00", 1);
        add("H2", "Nordlicht Travel Headphones", "Foldable headphones with noise cancelling.", "Nordlicht", "headphones-audio", "249.00", 2);
        add("H3", "Voltari Buds", "True wireless earbuds <script>alert(1)</script> & more.", "Voltari", "headphones-audio", "49.99", 3);
        add("S1", "Voltari Surge Bluetooth Speaker", "A waterproof speaker.", "Voltari", "headphones-audio", "24.99", 4);
        add("K1", "Brasswick Electric Kettle", "Boils water fast. Pairs well with headphones? No.", "Brasswick", "kitchen-appliances", "1000.00", 5);
        add("B1", "Studio Lighting Handbook", "A book about studio lights.", "Paper Kite", "books", "19.00", 6);
        index.refresh();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void emptyTextBrowsesEverythingWithFacets() throws IOException {
        SearchResult result = search.search(SearchRequest.text(""));
        assertThat(result.total()).isEqualTo(6);
        assertThat(result.facets().categories()).extracting(SearchResult.ValueCount::value)
                .containsExactly("headphones-audio", "books", "kitchen-appliances");
        assertThat(result.facets().prices()).extracting(SearchResult.PriceCount::count)
                .containsExactly(2, 1, 0, 2, 0, 0, 1); // 1000.00 falls in the open 1000+ bucket
        assertThat(result.facets().prices().get(6).to()).isNull();
    }

    @Test
    void stemsEnglishAndPrefersNameOverDescription() throws IOException {
        // name beats category ("headphones-audio") beats description (K1 only mentions headphones)
        assertThat(skus("headphone")).startsWith("H1", "H2").endsWith("K1").hasSize(5);
    }

    @Test
    void toleratesTyposByLengthButExactMatchesOutrankFuzzyOnes() throws IOException {
        assertThat(skus("hedphones")).startsWith("H1", "H2");         // 9 letters: 2 edits allowed
        assertThat(skus("nordlict")).containsExactlyInAnyOrder("H1", "H2");
        assertThat(skus("bud")).containsExactly("H3");                // short: exact only
        assertThat(skus("bdu")).isEmpty();
        assertThat(skus("speakr")).containsExactly("S1");
        // "studio" is known: no fuzzy "studios"/"stadium" noise, and exact name matches first
        assertThat(skus("studio")).containsExactly("H1", "B1");
    }

    @Test
    void everyWordMustMatchBeforeFallingBackToMostWords() throws IOException {
        assertThat(skus("nordlicht studio")).containsExactly("H1");
        // no product has all three words: the ones with two of them
        assertThat(skus("nordlicht studio kettle")).contains("H1").doesNotContain("S1");
    }

    @Test
    void queryingIsTextOnlySoSyntaxCharactersNeverFail() throws IOException {
        for (String q : List.of("\"*?~:()[]{}^\\/!&|", "studio AND (", "name:studio", "studio~", "*", "\"", "-studio",
                "studio^10", "OR", "[a TO z]", "a/b\\c", "&&||!!")) {
            SearchResult result = search.search(SearchRequest.text(q));
            assertThat(result.total()).as(q).isGreaterThanOrEqualTo(0);
        }
        assertThat(skus("name:studio")).contains("H1", "B1"); // the words, not a field query
    }

    @Test
    void aSkuFindsItsProduct() throws IOException {
        assertThat(skus("k1")).containsExactly("K1");
    }

    @Test
    void filtersAreOrWithinADimensionAndAndAcross() throws IOException {
        SearchRequest request = SearchRequest.text("").withBrands("nordlicht", "Voltari");
        assertThat(skus(request)).containsExactlyInAnyOrder("H1", "H2", "H3", "S1");
        assertThat(skus(request.withCategories("books"))).isEmpty();
        assertThat(skus(SearchRequest.text("").withPrice(new BigDecimal("24.99"), new BigDecimal("129")))).containsExactlyInAnyOrder("S1", "H3", "H1");
        assertThat(skus(SearchRequest.text("").withPrice(new BigDecimal("1000"), null))).containsExactly("K1");
    }

    @Test
    void facetCountsOfADimensionIgnoreItsOwnFilterButHonourTheOthers() throws IOException {
        SearchResult result = search.search(SearchRequest.text("").withBrands("Voltari").withCategories("headphones-audio")
                .withPrice(null, new BigDecimal("100")));
        assertThat(result.total()).isEqualTo(2);
        // brands: not filtered by brand, filtered by category and price
        assertThat(result.facets().brands()).containsExactly(new SearchResult.ValueCount("Voltari", 2));
        // categories: filtered by brand and price only
        assertThat(result.facets().categories()).containsExactly(new SearchResult.ValueCount("headphones-audio", 2));
        // prices: filtered by brand and category, not by price
        assertThat(result.facets().prices()).extracting(SearchResult.PriceCount::count).containsExactly(1, 1, 0, 0, 0, 0, 0);

        SearchResult nordlicht = search.search(SearchRequest.text("").withBrands("Nordlicht"));
        assertThat(nordlicht.facets().brands()).extracting(SearchResult.ValueCount::value)
                .contains("Nordlicht", "Voltari", "Brasswick", "Paper Kite");
    }

    @Test
    void sortsByPriceBothWaysAndByNewest() throws IOException {
        assertThat(skus(SearchRequest.text("").sortedBy(SearchSort.PRICE))).containsExactly("B1", "S1", "H3", "H1", "H2", "K1");
        assertThat(skus(SearchRequest.text("").sortedBy(SearchSort.PRICE_DESCENDING))).containsExactly("K1", "H2", "H1", "H3", "S1", "B1");
        assertThat(skus(SearchRequest.text("").sortedBy(SearchSort.NEWEST))).containsExactly("B1", "K1", "S1", "H3", "H2", "H1");
    }

    @Test
    void pagesDoNotOverlap() throws IOException {
        List<String> first = skus(SearchRequest.text("").page(0, 4));
        List<String> second = skus(SearchRequest.text("").page(1, 4));
        assertThat(first).hasSize(4).doesNotContainAnyElementsOf(second);
        assertThat(second).hasSize(2);
        assertThat(skus(SearchRequest.text("").page(5, 4))).isEmpty();
    }

    @Test
    void snippetsAreEscapedWithMatchesMarked() throws IOException {
        SearchResult result = search.search(SearchRequest.text("earbuds"));
        String snippet = result.hits().get(0).snippet();
        assertThat(snippet).contains("<mark>earbuds</mark>").contains("&lt;script&gt;").contains("&amp;")
                .doesNotContain("<script>");
        assertThat(search.search(SearchRequest.text("hedphones")).hits().get(0).snippet()).contains("<mark>");
    }

    @Test
    void offersACorrectionForUnknownWordsOnlyWhenItFindsSomething() throws IOException {
        assertThat(search.search(SearchRequest.text("nordlict studoi")).didYouMean()).isEqualTo("nordlicht studio");
        assertThat(search.search(SearchRequest.text("nordlicht")).didYouMean()).isNull();
        assertThat(search.search(SearchRequest.text("qqqqqqq")).didYouMean()).isNull();
    }

    @Test
    void olderVersionsNeverWinAndDeletesLeaveTombstones() throws IOException {
        assertThat(index.upsert(product("H1", "Nordlicht Studio Headphones v0", "", "Nordlicht", "headphones-audio", "1.00", 1, 0L))).isFalse();
        assertThat(index.upsert(product("H1", "Nordlicht Studio Monitor", "", "Nordlicht", "headphones-audio", "99.00", 1, 2L))).isTrue();
        assertThat(index.delete(id("S1"), 1)).isFalse();    // the speaker is at version 1: not newer
        assertThat(index.delete(id("S1"), 2)).isTrue();
        index.refresh();
        assertThat(skus("monitor")).containsExactly("H1");
        assertThat(skus("speaker")).isEmpty();
        // a redelivered upsert older than the delete cannot bring it back
        assertThat(index.upsert(product("S1", "Voltari Surge Bluetooth Speaker", "", "Voltari", "headphones-audio", "24.99", 4, 1L))).isFalse();
        index.refresh();
        assertThat(skus("speaker")).isEmpty();
        assertThat(search.search(SearchRequest.text("")).total()).isEqualTo(5);
        assertThat(index.productCount()).isEqualTo(5);
        // a newer upsert after a delete is a re-creation
        assertThat(index.upsert(product("S1", "Voltari Surge Bluetooth Speaker", "", "Voltari", "headphones-audio", "24.99", 4, 3L))).isTrue();
        index.refresh();
        assertThat(skus("speaker")).containsExactly("S1");
    }

    @Test
    void versionsAreCheckedAgainstWritesNotYetRefreshed() throws IOException {
        assertThat(index.upsert(product("N1", "New Kettle", "", "Brasswick", "kitchen-appliances", "10.00", 7, 5L))).isTrue();
        assertThat(index.upsert(product("N1", "Old Kettle", "", "Brasswick", "kitchen-appliances", "10.00", 7, 4L))).isFalse();
        index.refresh();
        assertThat(skus("kettle")).contains("N1");
        assertThat(skus("old")).isEmpty();
    }

    private List<String> skus(String text) throws IOException {
        return skus(SearchRequest.text(text));
    }

    private List<String> skus(SearchRequest request) throws IOException {
        return search.search(request).hits().stream().map(h -> h.product().sku()).toList();
    }

    private void add(String sku, String name, String description, String brand, String category, String price, int day)
            throws IOException {
        index.upsert(product(sku, name, description, brand, category, price, day, 1L));
    }

    public static Product product(String sku, String name, String description, String brand, String category, String price,
                           int day, long version) {
        return new Product(id(sku), sku, name, description, brand, category, new BigDecimal(price), "USD", null,
                Map.of(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(day * 86_400L), version);
    }

    static String id(String sku) {
        return "id-" + sku;
    }
}
