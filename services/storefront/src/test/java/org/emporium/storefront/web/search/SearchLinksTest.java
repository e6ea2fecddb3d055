package org.emporium.storefront.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.emporium.storefront.client.search.SearchQuery;
import org.junit.jupiter.api.Test;

class SearchLinksTest {

    private static final SearchQuery PLAIN = query("lamp", List.of(), List.of(), null, null, "relevance", 0);
    private static final SearchQuery FILTERED = query("desk lamp", List.of("home-kitchen"), List.of("Acme & Sons"),
            new BigDecimal("25"), new BigDecimal("49.99"), "-price", 3);

    @Test
    void defaultsAreLeftOut() {
        assertThat(new SearchLinks(PLAIN).current()).isEqualTo("/search?q=lamp");
        assertThat(new SearchLinks(query("", List.of(), List.of(), null, null, "relevance", 0)).current()).isEqualTo("/search");
    }

    @Test
    void everyParameterIsEncodedInAFixedOrder() {
        assertThat(new SearchLinks(FILTERED).current()).isEqualTo(
                "/search?q=desk%20lamp&category=home-kitchen&brand=Acme%20%26%20Sons&minPrice=25&maxPrice=49.99&sort=-price&page=3");
    }

    @Test
    void pageLinksKeepEverythingElse() {
        assertThat(new SearchLinks(FILTERED).page(0)).isEqualTo(
                "/search?q=desk%20lamp&category=home-kitchen&brand=Acme%20%26%20Sons&minPrice=25&maxPrice=49.99&sort=-price");
    }

    @Test
    void aFilterLinkAddsTheValueOrRemovesItAndGoesBackToTheFirstPage() {
        SearchLinks links = new SearchLinks(FILTERED);
        assertThat(links.toggleCategory("audio")).isEqualTo(
                "/search?q=desk%20lamp&category=audio&category=home-kitchen&brand=Acme%20%26%20Sons&minPrice=25&maxPrice=49.99&sort=-price");
        assertThat(links.toggleCategory("home-kitchen")).isEqualTo(
                "/search?q=desk%20lamp&brand=Acme%20%26%20Sons&minPrice=25&maxPrice=49.99&sort=-price");
        assertThat(links.toggleBrand("Acme & Sons")).isEqualTo(
                "/search?q=desk%20lamp&category=home-kitchen&minPrice=25&maxPrice=49.99&sort=-price");
    }

    @Test
    void aPriceRangeReplacesTheCurrentOneOrRemovesItself() {
        SearchLinks links = new SearchLinks(FILTERED);
        assertThat(links.togglePrice(new BigDecimal("25.0"), new BigDecimal("50"))).isEqualTo(
                "/search?q=desk%20lamp&category=home-kitchen&brand=Acme%20%26%20Sons&sort=-price");
        assertThat(links.togglePrice(BigDecimal.ZERO, new BigDecimal("25"))).endsWith("&maxPrice=24.99&sort=-price")
                .doesNotContain("minPrice");
        assertThat(links.togglePrice(new BigDecimal("1000"), null)).endsWith("&minPrice=1000&sort=-price")
                .doesNotContain("maxPrice");
    }

    @Test
    void sortingKeepsTheFiltersAndGoesBackToTheFirstPage() {
        assertThat(new SearchLinks(FILTERED).sorted(SearchSort.RELEVANCE)).isEqualTo(
                "/search?q=desk%20lamp&category=home-kitchen&brand=Acme%20%26%20Sons&minPrice=25&maxPrice=49.99");
    }

    @Test
    void otherTextKeepsTheFiltersAndClearingFiltersKeepsTheText() {
        SearchLinks links = new SearchLinks(FILTERED);
        assertThat(links.withText("desk lamps")).startsWith("/search?q=desk%20lamps&category=home-kitchen").doesNotContain("page=");
        assertThat(links.withoutFilters()).isEqualTo("/search?q=desk%20lamp&sort=-price");
    }

    @Test
    void aNonDefaultPageSizeIsKept() {
        SearchQuery small = new SearchQuery("lamp", List.of(), List.of(), null, null, "relevance", 0, 10);
        assertThat(new SearchLinks(small).page(2)).isEqualTo("/search?q=lamp&page=2&size=10");
    }

    @Test
    void theSortFormCarriesEverythingButSortAndPage() {
        assertThat(new SearchLinks(FILTERED).formFields()).extracting(SearchLinks.Param::name)
                .containsExactly("q", "category", "brand", "minPrice", "maxPrice");
    }

    private static SearchQuery query(String q, List<String> categories, List<String> brands, BigDecimal min,
                                     BigDecimal max, String sort, int page) {
        return new SearchQuery(q, categories, brands, min, max, sort, page, SearchParams.PAGE_SIZE);
    }
}
