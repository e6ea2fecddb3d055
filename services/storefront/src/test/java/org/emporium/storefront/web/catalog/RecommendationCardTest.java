package org.emporium.storefront.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.recommendations.Recommendation;
import org.junit.jupiter.api.Test;

class RecommendationCardTest {

    private static final List<Category> CATEGORIES = List.of(new Category("home-kitchen", "Home & Kitchen", null, 2));

    @Test
    void aCardHasTheFormattedPriceTheLinkThePictureAndTheReasonInWords() {
        List<RecommendationCard> cards = RecommendationCard.of(List.of(
                item("AUD-000002", "bought-together", "headphones-audio")), CATEGORIES, null);

        assertThat(cards).containsExactly(new RecommendationCard("AUD-000002", "Thing AUD-000002", "$12.50",
                "/images/products/AUD-000002.svg", "/p/AUD-000002", "Bought together"));
    }

    @Test
    void reasonsInWords() {
        assertThat(RecommendationCard.reason(item("A", "similar-to-viewed", null), CATEGORIES)).isEqualTo("Similar to what you viewed");
        assertThat(RecommendationCard.reason(item("A", "similar-product", null), CATEGORIES)).isEqualTo("Similar product");
        assertThat(RecommendationCard.reason(item("A", "popular-in-category", "home-kitchen"), CATEGORIES))
                .isEqualTo("Popular in Home & Kitchen");
        // the category list unavailable, or a category it doesn't have
        assertThat(RecommendationCard.reason(item("A", "popular-in-category", "garden"), CATEGORIES)).isEqualTo("Popular");
        assertThat(RecommendationCard.reason(item("A", "something-new", null), CATEGORIES)).isNull();
        assertThat(RecommendationCard.reason(item("A", null, null), CATEGORIES)).isNull();
    }

    @Test
    void theViewedProductAndRepeatsAreLeftOutAndOneRowAtMostIsShown() {
        List<Recommendation> items = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> item("AUD-00000" + i, "bought-together", null)).toList();
        List<Recommendation> withRepeat = new java.util.ArrayList<>(items);
        withRepeat.add(1, item("AUD-000001", "bought-together", null));

        assertThat(RecommendationCard.of(withRepeat, CATEGORIES, "AUD-000002")).extracting(RecommendationCard::sku)
                .containsExactly("AUD-000001", "AUD-000003", "AUD-000004", "AUD-000005", "AUD-000006", "AUD-000007");
    }

    private static Recommendation item(String sku, String reason, String category) {
        return new Recommendation(sku, "Thing " + sku, "Acme", category, new Money("12.5", "USD"), null, 3, 0.5, reason);
    }
}
