package org.emporium.recommendations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.recommendations.domain.Fixtures.add;
import static org.emporium.recommendations.domain.Fixtures.applyAll;
import static org.emporium.recommendations.domain.Fixtures.at;
import static org.emporium.recommendations.domain.Fixtures.confirmed;
import static org.emporium.recommendations.domain.Fixtures.placed;
import static org.emporium.recommendations.domain.Fixtures.product;
import static org.emporium.recommendations.domain.Fixtures.stock;
import static org.emporium.recommendations.domain.Fixtures.view;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private RecommendationModel model;
    private Recommender recommender;

    @BeforeEach
    void catalog() {
        model = Fixtures.model();
        recommender = new Recommender(model);
        // books: B1..B4; toys: T1..T3 (T1 most popular overall)
        applyAll(model, product("BOK-1", "books", "Paper"), product("BOK-2", "books", "Paper"),
                product("BOK-3", "books", "Ink"), product("BOK-4", "books", "Ink"),
                product("TOY-1", "toys", "Fun"), product("TOY-2", "toys", "Fun"), product("TOY-3", "toys", "Fun"));
        for (int i = 0; i < 5; i++) {
            model.apply(view("popular-" + i + "xx", "TOY-1", at(Duration.ofDays(i))));
        }
        model.apply(view("popular-9xxx", "BOK-4", at(Duration.ofDays(5))));
        model.apply(view("popular-9xxx", "BOK-4", at(Duration.ofDays(5))));
        model.publishPopularity();
    }

    @Test
    void productsBoughtTogetherComeFirstThenViewedAlikeThenSimilarThenPopular() {
        String order = UUID.randomUUID().toString();
        String cart = UUID.randomUUID().toString();
        applyAll(model, view("viewer-0001", "BOK-1", at(Duration.ofDays(6))), view("viewer-0001", "BOK-3", at(Duration.ofDays(6))),
                placed(order, cart, at(Duration.ofDays(6))), confirmed(order, at(Duration.ofDays(6)), "BOK-1", "BOK-2"));
        Recommendations answer = recommender.forProduct("BOK-1", 4, null);
        assertThat(skus(answer)).containsExactly("BOK-2", "BOK-3", "BOK-4", "TOY-1");
        // BOK-4: nothing learned, but a book too; TOY-1: neither category nor brand, popular
        assertThat(reasons(answer)).containsExactly(Reason.BOUGHT_TOGETHER, Reason.SIMILAR_TO_VIEWED,
                Reason.SIMILAR_PRODUCT, Reason.POPULAR_IN_CATEGORY);
        assertThat(answer.items().get(0).score()).isEqualTo(1f);
        assertThat(answer.items()).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Float.compare(b, a))
                .allMatch(s -> s > 0 && s <= 1);
        assertThat(answer.modelVersion()).isEqualTo(model.applied());
    }

    @Test
    void neverTheProductItselfNorCartItemsNorDeletedNorUnknownNorOutOfStock() {
        String cart = UUID.randomUUID().toString();
        applyAll(model, view("viewer-0001", "BOK-1", at(Duration.ofDays(6))),
                view("viewer-0001", "BOK-2", at(Duration.ofDays(6))), view("viewer-0001", "BOK-3", at(Duration.ofDays(6))),
                view("viewer-0001", "NOT-IN-CATALOG", at(Duration.ofDays(6))),
                view("viewer-0001", "TOY-2", at(Duration.ofDays(6))),
                add(cart, "BOK-2", at(Duration.ofDays(6))), stock("BOK-3", 0, 1), stock("BOK-4", 7, 1),
                new Event.ProductDeleted(Fixtures.id(), at(Duration.ofDays(6)), "p-TOY-2", "TOY-2", 2));
        Recommendations answer = recommender.forProduct("BOK-1", 50, cart);
        assertThat(skus(answer)).doesNotContain("BOK-1", "BOK-2", "BOK-3", "NOT-IN-CATALOG", "TOY-2")
                .contains("BOK-4", "TOY-1", "TOY-3");
        assertThat(answer.items().stream().filter(r -> r.product().sku().equals("BOK-4")).findFirst().orElseThrow()
                .available()).isEqualTo(7);
        assertThat(answer.items().stream().filter(r -> r.product().sku().equals("TOY-1")).findFirst().orElseThrow()
                .available()).isNull();
        assertThat(skus(recommender.forProduct("BOK-1", 50, null))).contains("BOK-2");
        assertThat(recommender.forProduct("NOT-IN-CATALOG", 5, null)).isNull();
        assertThat(recommender.forProduct("TOY-2", 5, null)).isNull();
    }

    @Test
    void aShopperGetsNeighboursOfRecentItemsButNotTheItemsThemselvesNorTheCart() {
        String cart = UUID.randomUUID().toString();
        // others: BOK-1 with BOK-2; TOY-2 with TOY-3
        applyAll(model, view("other-0001", "BOK-1", at(Duration.ofDays(6))), view("other-0001", "BOK-2", at(Duration.ofDays(6))),
                view("other-0002", "TOY-2", at(Duration.ofDays(6))), view("other-0002", "TOY-3", at(Duration.ofDays(6))),
                view("shopper-01", cart, "BOK-1", at(Duration.ofDays(7))));
        Recommendations answer = recommender.forShopper("shopper-01", 3, null);
        assertThat(answer.subject()).isEqualTo("shopper-01");
        assertThat(skus(answer)).first().isEqualTo("BOK-2");
        assertThat(reasons(answer).get(0)).isEqualTo(Reason.SIMILAR_TO_VIEWED);
        assertThat(skus(answer)).doesNotContain("BOK-1");
        assertThat(reasons(answer).subList(1, 3)).containsOnly(Reason.POPULAR_IN_CATEGORY);
        assertThat(skus(answer).get(1)).as("filled from the shopper's category first").isEqualTo("BOK-4");

        applyAll(model, add(cart, "BOK-2", at(Duration.ofDays(7))));
        assertThat(skus(recommender.forShopper("shopper-01", 10, null))).as("the shopper's latest cart")
                .doesNotContain("BOK-1", "BOK-2");
    }

    @Test
    void cartAndOrderEventsCountForTheShopperOfTheCart() {
        String cart = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        applyAll(model, view("shopper-02", cart, "TOY-2", at(Duration.ofDays(6))),
                add(cart, "BOK-1", at(Duration.ofDays(6))), placed(order, cart, at(Duration.ofDays(6))),
                confirmed(order, at(Duration.ofDays(6)), "BOK-1", "BOK-3"));
        assertThat(model.pair("TOY-2", "BOK-1")[0]).as("the add paired with the view").isPositive();
        assertThat(skus(recommender.forShopper("shopper-02", 10, null))).doesNotContain("TOY-2", "BOK-1", "BOK-3");
        // a cart nobody viewed from: its own pseudo-shopper
        String anonymous = UUID.randomUUID().toString();
        applyAll(model, add(anonymous, "BOK-1", at(Duration.ofDays(6))));
        assertThat(reasons(recommender.forShopper("cart:" + anonymous, 1, null))).containsExactly(Reason.BOUGHT_TOGETHER);
        assertThat(skus(recommender.forShopper("cart:" + anonymous, 1, null))).containsExactly("BOK-3");
    }

    @Test
    void withNothingLearnedSimilarProductsComeBySameCategoryThenSameBrandThenSharedAttributes() {
        RecommendationModel shop = Fixtures.model();
        Map<String, String> specs = Map.of("screen", "14-inch", "ram", "16 GB", "colour", "silver");
        applyAll(shop, product("LAP-1", "laptops", "Lumora", specs),
                product("LAP-2", "laptops", "Lumora", Map.of("screen", "16-inch")),
                product("LAP-3", "laptops", "Vantrix", specs),
                product("LAP-4", "laptops", "Vantrix", Map.of("colour", "silver")),
                product("LAP-5", "laptops", "Vantrix", Map.of()),
                product("PHN-1", "phones", "Lumora", Map.of("colour", "silver", "ram", "16 GB")),
                product("PHN-2", "phones", "Lumora", Map.of()),
                product("BAG-1", "bags", "Other", Map.of("colour", "silver")),
                product("BAG-2", "bags", "Other", Map.of("colour", "black")));
        // popularity breaks ties only: LAP-5 more popular than LAP-4 but shares less; BAG-2 most popular
        applyAll(shop, view("someone-01", "LAP-5", at(Duration.ofDays(1))), view("someone-02", "BAG-2", at(Duration.ofDays(1))),
                view("someone-03", "BAG-2", at(Duration.ofDays(2))));
        Recommendations answer = new Recommender(shop).forProduct("LAP-1", 8, null);

        assertThat(skus(answer)).containsExactly(
                "LAP-2",           // same category, same brand
                "LAP-3",           // same category, three shared values
                "LAP-4",           // same category, one shared value
                "LAP-5",           // same category
                "PHN-1", "PHN-2",  // same brand, then by shared values
                "BAG-1",           // a shared value only
                "BAG-2");          // nothing in common: popular
        assertThat(reasons(answer)).containsExactly(Reason.SIMILAR_PRODUCT, Reason.SIMILAR_PRODUCT,
                Reason.SIMILAR_PRODUCT, Reason.SIMILAR_PRODUCT, Reason.SIMILAR_PRODUCT, Reason.SIMILAR_PRODUCT,
                Reason.SIMILAR_PRODUCT, Reason.POPULAR_IN_CATEGORY);
        assertThat(answer.items().get(0).score()).isEqualTo(1f);
        assertThat(answer.items()).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Float.compare(b, a))
                .allMatch(s -> s > 0 && s <= 1);
        assertThat(answer.items().get(7).score()).as("popular below every similar product")
                .isLessThan(answer.items().get(6).score());
    }

    @Test
    void similarProductsFillAfterTheLearnedOnesAndRespectTheExclusions() {
        RecommendationModel shop = Fixtures.model();
        String cart = UUID.randomUUID().toString();
        applyAll(shop, product("LAP-1", "laptops", "Lumora"), product("LAP-2", "laptops", "Lumora"),
                product("LAP-3", "laptops", "Lumora"), product("LAP-4", "laptops", "Lumora"),
                product("LAP-5", "laptops", "Lumora"), product("PHN-1", "phones", "Lumora"),
                view("viewer-0001", "LAP-1", at(Duration.ofDays(1))), view("viewer-0001", "PHN-1", at(Duration.ofDays(1))),
                stock("LAP-3", 0, 1), add(cart, "LAP-4", at(Duration.ofDays(1))));
        Recommendations answer = new Recommender(shop).forProduct("LAP-1", 5, cart);

        assertThat(skus(answer)).containsExactlyInAnyOrder("PHN-1", "LAP-2", "LAP-5").startsWith("PHN-1");
        assertThat(reasons(answer)).containsExactly(Reason.SIMILAR_TO_VIEWED, Reason.SIMILAR_PRODUCT,
                Reason.SIMILAR_PRODUCT);
        assertThat(answer.items().get(1).score()).as("below the learned one").isLessThan(answer.items().get(0).score());
    }

    @Test
    void anUnknownShopperGetsPopularItems() {
        Recommendations answer = recommender.forShopper("never-seen-01", 3, null);
        assertThat(skus(answer)).startsWith("TOY-1", "BOK-4").hasSize(3);
        assertThat(reasons(answer)).containsOnly(Reason.POPULAR_IN_CATEGORY);
        assertThat(answer.items().get(0).score()).isEqualTo(1f);
    }

    @Test
    void anEmptyModelAnswersWithNothing() {
        RecommendationModel empty = Fixtures.model();
        assertThat(new Recommender(empty).forShopper("never-seen-01", 10, null).items()).isEmpty();
        assertThat(new Recommender(empty).forProduct("BOK-1", 10, null)).isNull();
    }

    private static List<String> skus(Recommendations answer) {
        return answer.items().stream().map(r -> r.product().sku()).toList();
    }

    private static List<Reason> reasons(Recommendations answer) {
        return answer.items().stream().map(Recommendation::reason).toList();
    }
}
