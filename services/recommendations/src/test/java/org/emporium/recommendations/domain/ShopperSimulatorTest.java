package org.emporium.recommendations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulated shoppers that the evaluation runs on and a fresh install is seeded with. */
class ShopperSimulatorTest {

    private static final long START = Fixtures.T0.toEpochMilli();
    private static final Duration PERIOD = Duration.ofDays(28);
    private static final List<Product> CATALOG = TestCatalog.products();

    private static List<Event> simulate(List<Product> catalog, int shoppers, long seed) {
        return new ShopperSimulator(catalog, seed).simulate(ShopperSimulator.Settings.of(shoppers, "seed-", START, PERIOD));
    }

    @Test
    void theSameCatalogAndSeedGiveTheSameHistoryWhateverTheCatalogsOrder() {
        List<Product> shuffled = new ArrayList<>(CATALOG);
        Collections.shuffle(shuffled, new java.util.Random(7));
        List<Event> once = simulate(CATALOG, 200, 42);
        assertThat(simulate(shuffled, 200, 42)).isEqualTo(once);
        assertThat(simulate(CATALOG, 200, 43)).isNotEqualTo(once);
        assertThat(new ShopperSimulator(List.of(), 42).simulate(ShopperSimulator.Settings.of(10, "seed-", START, PERIOD)))
                .isEmpty();
    }

    @Test
    void shoppersViewAddToCartAndBuyInTimeOrderWithinThePeriod() {
        List<Event> history = simulate(CATALOG, 300, 42);
        Set<String> skus = CATALOG.stream().map(Product::sku).collect(Collectors.toSet());
        Map<String, String> cartShoppers = new HashMap<>();
        Map<String, Event.OrderPlaced> placed = new HashMap<>();
        Set<String> ids = new HashSet<>();
        long previous = Long.MIN_VALUE;
        Map<Class<?>, Integer> counts = new HashMap<>();
        for (Event e : history) {
            counts.merge(e.getClass(), 1, Integer::sum);
            assertThat(ids.add(e.id())).as("unique ids").isTrue();
            assertThat(UUID.fromString(e.id()).version()).isEqualTo(4);
            assertThat(e.time()).isGreaterThanOrEqualTo(previous).isBetween(START, START + PERIOD.toMillis() + Duration.ofHours(2).toMillis());
            previous = e.time();
            switch (e) {
                case Event.ProductViewed v -> {
                    assertThat(v.shopperId()).matches("seed-[0-9]{6}");
                    assertThat(skus).contains(v.sku());
                    assertThat(cartShoppers.putIfAbsent(v.cartId(), v.shopperId())).as("a cart has one shopper")
                            .isIn(null, v.shopperId());
                }
                case Event.ItemAdded a -> {
                    assertThat(cartShoppers).as("a view named the cart before it was added to").containsKey(a.cartId());
                    assertThat(skus).contains(a.sku());
                }
                case Event.OrderPlaced p -> {
                    assertThat(cartShoppers).containsKey(p.cartId());
                    placed.put(p.orderId(), p);
                }
                case Event.OrderConfirmed o -> {
                    assertThat(placed).as("placed before confirmed").containsKey(o.orderId());
                    assertThat(o.skus()).hasSizeBetween(1, 2).allMatch(skus::contains).doesNotHaveDuplicates();
                }
                case Event.CartCleared c -> assertThat(placed.values()).anyMatch(p -> p.cartId().equals(c.cartId()));
                default -> throw new AssertionError("unexpected " + e);
            }
        }
        assertThat(cartShoppers.values().stream().distinct().count()).isEqualTo(300);
        // about 44 events a shopper: 30 views, 6 adds, 2.7 orders (placed, confirmed, cart cleared)
        assertThat(history).hasSizeBetween(300 * 35, 300 * 55);
        assertThat(counts.get(Event.ProductViewed.class)).isGreaterThan(counts.get(Event.ItemAdded.class) * 4);
        assertThat(counts.get(Event.OrderConfirmed.class)).isBetween(counts.get(Event.ItemAdded.class) / 4,
                counts.get(Event.ItemAdded.class) / 2);
    }

    @Test
    void shoppersKeepToTheirTastes() {
        Map<String, Product> bySku = CATALOG.stream().collect(Collectors.toMap(Product::sku, Function.identity()));
        Map<String, Map<String, Integer>> categoriesByShopper = new HashMap<>();
        for (Event e : simulate(CATALOG, 300, 42)) {
            if (e instanceof Event.ProductViewed v) {
                categoriesByShopper.computeIfAbsent(v.shopperId(), s -> new HashMap<>())
                        .merge(bySku.get(v.sku()).category(), 1, Integer::sum);
            }
        }
        // one or two tastes and 15% noise: the two favourite categories hold most views
        double share = categoriesByShopper.values().stream().mapToDouble(views -> {
            List<Integer> counts = views.values().stream().sorted(Collections.reverseOrder()).toList();
            int total = counts.stream().mapToInt(Integer::intValue).sum();
            return (counts.get(0) + (counts.size() > 1 ? counts.get(1) : 0)) / (double) total;
        }).average().orElseThrow();
        assertThat(share).isGreaterThan(0.8);
    }

    @Test
    void aComplementIsAnotherKindOfTheSameBrandAndCategory() {
        ShopperSimulator simulator = new ShopperSimulator(CATALOG, 42);
        int otherKind = 0;
        for (Product p : CATALOG) {
            Product complement = simulator.complement(p);
            if (complement == null) {
                continue;
            }
            assertThat(complement.sku()).isNotEqualTo(p.sku());
            assertThat(complement.category()).isEqualTo(p.category());
            assertThat(complement.brand()).isEqualTo(p.brand());
            otherKind += complement.attributes().keySet().equals(p.attributes().keySet()) ? 0 : 1;
        }
        assertThat(otherKind).isGreaterThan(CATALOG.size() * 9 / 10);
        Product alone = new Product("ALONE-1", "Alone", "Solo", "singles", "1.00", "EUR", null);
        assertThat(new ShopperSimulator(List.of(alone), 1).complement(alone)).isNull();
    }

    /**
     * The seeder's size (1,500 shoppers over a catalog like the seeded one) gives most products
     * learned neighbours, and stays a weak prior: one real order of two products, a day after the
     * seeding, puts the second among the first's top ten (nearly always first).
     */
    @Test
    void fifteenHundredShoppersTeachMostProductsNeighboursThatOneRealOrderOutranks() {
        RecommendationModel model = Fixtures.model();
        long seeding = START + Duration.ofDays(56).toMillis();
        CATALOG.forEach(p -> model.apply(new Event.ProductUpserted(Fixtures.id(), seeding, "p-" + p.sku(), 1, p)));
        List<Event> history = new ShopperSimulator(model.catalog(), 20_261_207L)
                .simulate(ShopperSimulator.Settings.of(1_500, "seed-", START, PERIOD));
        history.forEach(model::apply);
        model.publishPopularity();
        Recommender recommender = new Recommender(model);

        int sixLearned = 0;
        int someLearned = 0;
        for (Product p : CATALOG) {
            long learned = recommender.forProduct(p.sku(), 6, null).items().stream()
                    .filter(r -> r.reason() == Reason.BOUGHT_TOGETHER || r.reason() == Reason.SIMILAR_TO_VIEWED).count();
            sixLearned += learned == 6 ? 1 : 0;
            someLearned += learned > 0 ? 1 : 0;
        }
        System.out.printf("seeded history: %,d events; %.1f%% of %,d products with six learned neighbours, %.1f%% with one%n",
                history.size(), 100.0 * sixLearned / CATALOG.size(), CATALOG.size(), 100.0 * someLearned / CATALOG.size());
        assertThat(sixLearned).isGreaterThan(CATALOG.size() * 85 / 100);
        assertThat(someLearned).isGreaterThan(CATALOG.size() * 95 / 100);

        java.util.Random random = new java.util.Random(5);
        int topTen = 0;
        int first = 0;
        for (int i = 0; i < 200; i++) {
            Product a = CATALOG.get(random.nextInt(CATALOG.size()));
            Product b = CATALOG.get(random.nextInt(CATALOG.size()));
            String cart = Fixtures.id();
            String order = Fixtures.id();
            long now = seeding + Duration.ofDays(1).toMillis() + i * 60_000L;
            Fixtures.applyAll(model, Fixtures.add(cart, a.sku(), now), Fixtures.add(cart, b.sku(), now),
                    Fixtures.placed(order, cart, now), Fixtures.confirmed(order, now + 1000, a.sku(), b.sku()));
            List<String> answer = recommender.forProduct(a.sku(), 10, null).items().stream().map(r -> r.product().sku()).toList();
            topTen += answer.contains(b.sku()) || a == b ? 1 : 0;
            first += !answer.isEmpty() && answer.get(0).equals(b.sku()) || a == b ? 1 : 0;
        }
        assertThat(topTen).isEqualTo(200);
        assertThat(first).isGreaterThan(180);
    }
}
