package org.emporium.storefront.client.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.cart.CartIds;
import org.junit.jupiter.api.Test;

class RecommendationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheServicesItemsInOrder() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"subject":"AUD-000001","modelVersion":123,"items":[
                 {"sku":"AUD-000002","name":"Two","brand":"Acme","category":"headphones-audio",
                  "price":{"amount":"12.00","currency":"EUR"},"imageUrl":null,"available":5,"score":0.87,"reason":"bought-together"},
                 {"sku":"KIT-000001","name":"Kettle","price":{"amount":"24.00","currency":"USD"},"reason":"popular-in-category"}]}
                """);

        assertThat(Recommendation.from(answer)).containsExactly(
                new Recommendation("AUD-000002", "Two", "Acme", "headphones-audio", new Money("12.00", "EUR"), null, 5, 0.87,
                        "bought-together"),
                new Recommendation("KIT-000001", "Kettle", null, null, new Money("24.00", "USD"), null, null, 0.0,
                        "popular-in-category"));
    }

    @Test
    void itemsOfAnUnexpectedShapeAreSkippedNotFatal() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"items":[
                 "not an object",
                 {"sku":42,"name":"sku is a number","price":{"amount":"1.00","currency":"EUR"}},
                 {"sku":"../etc","name":"not a SKU","price":{"amount":"1.00","currency":"EUR"}},
                 {"sku":"AUD-000003","name":"no price"},
                 {"sku":"AUD-000004","name":"price without currency","price":{"amount":"1.00"}},
                 {"sku":"AUD-000005","price":{"amount":"1.00","currency":"EUR"}},
                 {"sku":"AUD-000006","name":"odd extras","price":{"amount":"1.00","currency":"EUR"},"available":"many","score":"high"}]}
                """);

        assertThat(Recommendation.from(answer)).singleElement().satisfies(r -> {
            assertThat(r.sku()).isEqualTo("AUD-000006");
            assertThat(r.available()).isNull();
            assertThat(r.score()).isZero();
        });
    }

    @Test
    void anAnswerWithoutItemsIsNoRecommendations() throws Exception {
        assertThat(Recommendation.from(JSON.readTree("{}"))).isEmpty();
        assertThat(Recommendation.from(JSON.readTree("{\"items\":{}}"))).isEmpty();
        assertThat(Recommendation.from(JSON.readTree("[]"))).isEmpty();
        assertThat(Recommendation.from(null)).isEmpty();
    }

    @Test
    void fourHundredsAreNothingToRecommendAndFiveHundredsAFailure() {
        assertThat(RecommendationsApi.toException(Response.status(404).build()))
                .isInstanceOf(UpstreamRejectedException.class);
        assertThat(RecommendationsApi.toException(Response.status(400).build()))
                .isInstanceOf(UpstreamRejectedException.class);
        assertThat(RecommendationsApi.toException(Response.status(503).build()))
                .isInstanceOf(UpstreamUnavailableException.class);
    }

    @Test
    void onlyUuidsArePassedOnAsCartIds() {
        String cart = "0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a11";
        assertThat(CartIds.uuidOrNull(cart)).isEqualTo(cart);
        assertThat(CartIds.uuidOrNull(cart.toUpperCase())).isEqualTo(cart.toUpperCase());
        assertThat(CartIds.uuidOrNull("0b8b0a5e4ad14d4c9d522f2b0c1f3a11")).isNull();
        assertThat(CartIds.uuidOrNull("1-1-1-1-1")).isNull();
        assertThat(CartIds.uuidOrNull("not-a-uuid-but-id-shaped")).isNull();
        assertThat(CartIds.uuidOrNull(null)).isNull();
    }
}
