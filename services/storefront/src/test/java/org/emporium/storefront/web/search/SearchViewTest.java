package org.emporium.storefront.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.search.SearchQuery;
import org.emporium.storefront.client.search.SearchResults;
import org.junit.jupiter.api.Test;

class SearchViewTest {

    private static final List<Category> CATEGORIES = List.of(new Category("audio", "Headphones & Audio", null, 3));
    private static final SearchResults.Facets FACETS = new SearchResults.Facets(
            List.of(new SearchResults.Value("audio", 12), new SearchResults.Value("garden", 1)),
            List.of(new SearchResults.Value("Nordlicht", 3)),
            List.of(new SearchResults.PriceRange(BigDecimal.ZERO, new BigDecimal("25"), 3),
                    new SearchResults.PriceRange(new BigDecimal("1000"), null, 1234)));

    @Test
    void priceBucketsReadLikeAShopWouldWriteThem() {
        assertThat(SearchView.priceLabel(BigDecimal.ZERO, new BigDecimal("25"))).isEqualTo("Under $25");
        assertThat(SearchView.priceLabel(new BigDecimal("25"), new BigDecimal("50"))).isEqualTo("$25 \u2013 $50");
        assertThat(SearchView.priceLabel(new BigDecimal("1000"), null)).isEqualTo("$1,000 and up");
        assertThat(SearchView.priceLabel(new BigDecimal("9.5"), new BigDecimal("19.99"))).isEqualTo("$9.50 \u2013 $19.99");
    }

    @Test
    void categoriesAreNamedAndCountsFormatted() {
        SearchView view = view(new SearchQuery("x", List.of(), List.of(), null, null, "relevance", 0, 24));

        assertThat(view.categoryFacets()).extracting(FacetLink::label).containsExactly("Headphones & Audio", "garden");
        assertThat(view.priceFacets()).extracting(FacetLink::count).containsExactly("3", "1,234");
        assertThat(view.priceFacets()).noneMatch(FacetLink::selected);
    }

    @Test
    void filtersInForceAreSelectedAndThoseSearchDidNotListAreStillShown() {
        SearchView view = view(new SearchQuery("x", List.of("audio", "toys"), List.of(), null, new BigDecimal("25"), "relevance", 0, 24));

        assertThat(view.categoryFacets()).extracting(FacetLink::label, FacetLink::selected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("toys", true),
                        org.assertj.core.groups.Tuple.tuple("Headphones & Audio", true),
                        org.assertj.core.groups.Tuple.tuple("garden", false));
        assertThat(view.priceFacets().getFirst().selected()).isTrue();
        assertThat(view.priceFacets().getFirst().href()).isEqualTo("/search?q=x&category=audio&category=toys");
    }

    @Test
    void aRangeFromTheAddressThatIsNoBucketIsShownSoItCanBeRemoved() {
        SearchView view = view(new SearchQuery("x", List.of(), List.of(), new BigDecimal("10"), new BigDecimal("30"), "relevance", 0, 24));

        FacetLink custom = view.priceFacets().getFirst();
        assertThat(custom.label()).isEqualTo("$10 \u2013 $30");
        assertThat(custom.selected()).isTrue();
        assertThat(custom.count()).isNull();
        assertThat(custom.href()).isEqualTo("/search?q=x");
    }

    @Test
    void didYouMeanIsDroppedWhenItIsWhatWasTyped() {
        SearchResults results = new SearchResults(List.of(), 0, 0, 24, FACETS, "Lamp");
        assertThat(SearchView.of(new SearchQuery("lamp", null, null, null, null, "relevance", 0, 24), results, CATEGORIES)
                .didYouMean()).isNull();
    }

    private static SearchView view(SearchQuery query) {
        return SearchView.of(query, new SearchResults(List.of(), 50, 0, 24, FACETS, null), CATEGORIES);
    }
}
