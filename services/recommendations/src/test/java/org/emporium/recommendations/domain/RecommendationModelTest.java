package org.emporium.recommendations.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.emporium.recommendations.domain.Fixtures.add;
import static org.emporium.recommendations.domain.Fixtures.applyAll;
import static org.emporium.recommendations.domain.Fixtures.at;
import static org.emporium.recommendations.domain.Fixtures.confirmed;
import static org.emporium.recommendations.domain.Fixtures.model;
import static org.emporium.recommendations.domain.Fixtures.placed;
import static org.emporium.recommendations.domain.Fixtures.product;
import static org.emporium.recommendations.domain.Fixtures.view;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecommendationModelTest {

    private static final String CART = UUID.randomUUID().toString();

    @Test
    void pairsItemsOfASessionBothWaysAtTheWeakerSignal() {
        RecommendationModel model = model();
        applyAll(model, view("shopper-1", "AAA-1", at(Duration.ZERO)), view("shopper-1", "BBB-1", at(Duration.ofMinutes(1))));
        assertThat(model.pair("AAA-1", "BBB-1")[0]).isEqualTo(1f, within(1e-3f));
        assertThat(model.pair("BBB-1", "AAA-1")[0]).isEqualTo(1f, within(1e-3f));

        // a cart add (weight 3) pairs with the viewed items at min(3, 1) = 1
        applyAll(model, view("shopper-1", CART, "AAA-1", at(Duration.ofMinutes(2))),
                add(CART, "CCC-1", at(Duration.ofMinutes(3))));
        assertThat(model.pair("CCC-1", "AAA-1")[0]).isEqualTo(1f, within(1e-3f));
        assertThat(model.pair("CCC-1", "BBB-1")[0]).isEqualTo(1f, within(1e-3f));
        assertThat(model.pair("AAA-1", "BBB-1")[0]).as("a repeat view pairs again").isEqualTo(2f, within(1e-3f));
    }

    @Test
    void aGapOfThirtyMinutesStartsANewSession() {
        RecommendationModel model = model();
        applyAll(model, view("shopper-1", "AAA-1", at(Duration.ZERO)),
                view("shopper-1", "BBB-1", at(Duration.ofMinutes(29))),
                view("shopper-1", "CCC-1", at(Duration.ofMinutes(59))),
                view("shopper-1", "DDD-1", at(Duration.ofMinutes(60))));
        assertThat(model.pair("AAA-1", "BBB-1")[0]).isPositive();
        assertThat(model.pair("BBB-1", "CCC-1")[0]).as("30 minutes after B: a new session").isZero();
        assertThat(model.pair("AAA-1", "CCC-1")[0]).isZero();
        assertThat(model.pair("CCC-1", "DDD-1")[0]).isPositive();
    }

    @Test
    void decaysWithAHalfLifeOfFourteenDays() {
        RecommendationModel model = model();
        applyAll(model, view("s-old-0001", "AAA-1", at(Duration.ZERO)), view("s-old-0001", "BBB-1", at(Duration.ZERO)),
                view("s-new-0001", "AAA-1", at(Duration.ofDays(14))), view("s-new-0001", "CCC-1", at(Duration.ofDays(14))));
        // forward decay: the later pair counts twice the earlier one; neither was rewritten
        assertThat(model.pair("AAA-1", "CCC-1")[0] / model.pair("AAA-1", "BBB-1")[0]).isEqualTo(2f, within(1e-3f));
    }

    @Test
    void rebasesScoresLongAfterTheLandmarkWithoutChangingTheirRatios() {
        RecommendationModel model = model();
        applyAll(model, view("s-a-000001", "AAA-1", at(Duration.ZERO)), view("s-a-000001", "BBB-1", at(Duration.ZERO)));
        Duration later = Duration.ofDays(14 * 101); // past the rebase horizon
        applyAll(model, view("s-b-000001", "AAA-1", at(later)), view("s-b-000001", "CCC-1", at(later)));
        float recent = model.pair("AAA-1", "CCC-1")[0];
        assertThat(recent).isFinite().isPositive();
        assertThat(model.pair("AAA-1", "BBB-1")[0] / recent).isLessThan(1e-20f);
    }

    @Test
    void aFullNeighbourListReplacesItsWeakestOnlyForAStrongerPair() {
        RecommendationModel model = Fixtures.model(2);
        applyAll(model, view("s-1-000001", "AAA-1", at(Duration.ZERO)), view("s-1-000001", "BBB-1", at(Duration.ofMinutes(1))),
                view("s-2-000001", "AAA-1", at(Duration.ofHours(1))), view("s-2-000001", "CCC-1", at(Duration.ofHours(1))),
                view("s-2-000001", "BBB-1", at(Duration.ofHours(1)))); // B twice, C once
        assertThat(model.neighbours("AAA-1")).containsExactlyInAnyOrder("BBB-1", "CCC-1");
        // D pairs with A 28 days later: 4x the weight, beats C (the weakest)
        applyAll(model, view("s-3-000001", "AAA-1", at(Duration.ofDays(28))), view("s-3-000001", "DDD-1", at(Duration.ofDays(28))));
        assertThat(model.neighbours("AAA-1")).containsExactlyInAnyOrder("BBB-1", "DDD-1");
        // E pairs at the same time as C did: weaker than both, left out
        applyAll(model, view("s-4-000001", "AAA-1", at(Duration.ofHours(2))), view("s-4-000001", "EEE-1", at(Duration.ofHours(2))));
        assertThat(model.neighbours("AAA-1")).containsExactlyInAnyOrder("BBB-1", "DDD-1");
    }

    @Test
    void confirmedOrdersPairEveryTwoLinesAsBoughtTogether() {
        RecommendationModel model = model();
        String order = UUID.randomUUID().toString();
        applyAll(model, placed(order, CART, at(Duration.ZERO)), confirmed(order, at(Duration.ZERO), "AAA-1", "BBB-1", "CCC-1"));
        for (String[] pair : new String[][] {{"AAA-1", "BBB-1"}, {"BBB-1", "CCC-1"}, {"CCC-1", "AAA-1"}}) {
            float[] scores = model.pair(pair[0], pair[1]);
            assertThat(scores[0]).isEqualTo(5f, within(1e-3f));
            assertThat(scores[1]).isEqualTo(5f, within(1e-3f));
        }
    }

    @Test
    void dropsRedeliveredEventsById() {
        RecommendationModel model = model();
        Event.ProductViewed first = view("shopper-1", "AAA-1", at(Duration.ZERO));
        Event.ProductViewed second = view("shopper-1", "BBB-1", at(Duration.ZERO));
        assertThat(model.apply(first)).isTrue();
        assertThat(model.apply(second)).isTrue();
        assertThat(model.apply(second)).isFalse();
        assertThat(model.pair("AAA-1", "BBB-1")[0]).isEqualTo(1f, within(1e-3f));
        assertThat(model.applied()).isEqualTo(2);
        assertThat(model.duplicates()).isEqualTo(1);
    }

    @Test
    void remembersAtLeastTheConfiguredNumberOfRecentIds() {
        RecentIds ids = new RecentIds(1000);
        for (int i = 0; i < 5000; i++) {
            assertThat(ids.add("event-" + i)).isTrue();
            assertThat(ids.add("event-" + i)).isFalse();
            if (i >= 1000) {
                assertThat(ids.add("event-" + (i - 999))).as("id %d", i - 999).isFalse();
            }
        }
        assertThat(ids.add("event-0")).as("long forgotten").isTrue();
        assertThat(RecentIds.key(UUID.randomUUID().toString())).isNotZero();
    }

    @Test
    void tracksTheItemsOfCarts() {
        RecommendationModel model = model();
        applyAll(model, add(CART, "AAA-1", at(Duration.ZERO)), add(CART, "BBB-1", at(Duration.ZERO)),
                add(CART, "AAA-1", at(Duration.ZERO)),
                new Event.QuantityChanged(Fixtures.id(), at(Duration.ZERO), CART, "CCC-1"),
                new Event.ItemRemoved(Fixtures.id(), at(Duration.ZERO), CART, "BBB-1"));
        assertThat(model.cart(CART)).containsExactlyInAnyOrder("AAA-1", "CCC-1");
        applyAll(model, new Event.CartCleared(Fixtures.id(), at(Duration.ZERO), CART));
        assertThat(model.cart(CART)).isEmpty();
    }

    @Test
    void keepsTheNewestVersionOfProductsAndStock() {
        RecommendationModel model = model();
        Recommender recommender = new Recommender(model);
        applyAll(model, product("AAA-1", "books", "Acme", 2), product("AAA-1", "toys", "Acme", 1));
        assertThat(recommender.forProduct("AAA-1", 5, null)).isNotNull();
        applyAll(model, new Event.ProductDeleted(Fixtures.id(), at(Duration.ZERO), "p-AAA-1", "AAA-1", 3),
                product("AAA-1", "books", "Acme", 2));
        assertThat(recommender.forProduct("AAA-1", 5, null)).as("deleted stays deleted").isNull();
        applyAll(model, product("AAA-1", "books", "Acme", 4));
        assertThat(recommender.forProduct("AAA-1", 5, null)).as("upserted again").isNotNull();
    }

    @Test
    void knowsTheCatalogWithItsAttributesForTheSeededHistory() {
        RecommendationModel model = model();
        applyAll(model, product("BBB-1", "books", "Acme", java.util.Map.of("format", "paperback", "pages", "320")),
                product("AAA-1", "toys", "Fun"), product("CCC-1", "toys", "Fun"),
                new Event.ProductDeleted(Fixtures.id(), at(Duration.ZERO), "p-CCC-1", "CCC-1", 2),
                view("viewer-0001", "NOT-IN-CATALOG", at(Duration.ZERO)));
        assertThat(model.catalogSize()).isEqualTo(2);
        assertThat(model.catalog()).extracting(Product::sku).containsExactly("AAA-1", "BBB-1");
        Product book = model.catalog().get(1);
        assertThat(book.attributes()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("format", "paperback", "pages", "320"));
        assertThat(book).extracting(Product::name, Product::brand, Product::category, Product::amount, Product::currency)
                .containsExactly("Name of BBB-1", "Acme", "books", "10.00", "EUR");
        // a later version replaces the attributes
        applyAll(model, new Event.ProductUpserted(Fixtures.id(), at(Duration.ZERO), "p-BBB-1", 2,
                new Product("BBB-1", "Name of BBB-1", "Acme", "books", "10.00", "EUR", null, java.util.Map.of("format", "hardcover"))));
        assertThat(model.catalog().get(1).attributes()).containsExactlyEntriesOf(java.util.Map.of("format", "hardcover"));
    }
}
