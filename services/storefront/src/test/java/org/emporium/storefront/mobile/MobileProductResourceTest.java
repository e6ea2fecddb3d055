package org.emporium.storefront.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emporium.storefront.client.Money;
import org.emporium.storefront.client.catalog.Product;
import org.emporium.storefront.client.recommendations.Recommendation;
import org.junit.jupiter.api.Test;

class MobileProductResourceTest {

    private static final Product PRODUCT = new Product("id-1", "AUD-000001", "One", "Sounds good", "Acme", "headphones-audio",
            new Money("11.99", "USD"), "https://cdn.example/one.jpg", Map.of("color", "white"));
    private static final Recommendation OTHER = new Recommendation("AUD-000002", "Two", "Acme", "headphones-audio",
            new Money("12.99", "USD"), "/img/two.png", 4, 0.9, "bought-together");
    private static final Recommendation ITSELF = new Recommendation("AUD-000001", "One", "Acme", "headphones-audio",
            new Money("11.99", "USD"), null, 4, 0.5, "bought-together");

    @Test
    void everythingThereIsNotPartial() {
        MobileProduct answer = MobileProductResource.answer(PRODUCT, new Part<>(Optional.of(3), false),
                new Part<>(List.of(ITSELF, OTHER), false));

        assertThat(answer.partial()).isFalse();
        assertThat(answer.missing()).isEmpty();
        assertThat(answer.stock()).isEqualTo(new MobileProduct.StockLevel(3, true));
        assertThat(answer.product().imageUrl()).as("an off-site picture is replaced").isEqualTo("/images/products/AUD-000001.svg");
        assertThat(answer.product().price()).isEqualTo(new MobileProduct.Price("11.99", "USD"));
        assertThat(answer.recommendations()).singleElement().isEqualTo(new MobileProduct.RecommendedItem("AUD-000002", "Two",
                "Acme", "headphones-audio", new MobileProduct.Price("12.99", "USD"), "/img/two.png", 4, 0.9, "bought-together"));
    }

    @Test
    void missingPartsAreNamedAndLeftOut() {
        MobileProduct answer = MobileProductResource.answer(PRODUCT, new Part<>(null, true), new Part<>(null, true));

        assertThat(answer.partial()).isTrue();
        assertThat(answer.missing()).containsExactly("stock", "recommendations");
        assertThat(answer.stock()).isNull();
        assertThat(answer.recommendations()).isEmpty();
    }

    @Test
    void untrackedOrSoldOutStockIsNotMissing() {
        assertThat(MobileProductResource.answer(PRODUCT, new Part<>(Optional.empty(), false), new Part<>(List.of(), false)))
                .satisfies(a -> {
                    assertThat(a.stock()).isNull();
                    assertThat(a.partial()).isFalse();
                });
        assertThat(MobileProductResource.answer(PRODUCT, new Part<>(Optional.of(0), false), new Part<>(List.of(), false)).stock())
                .isEqualTo(new MobileProduct.StockLevel(0, false));
    }
}
