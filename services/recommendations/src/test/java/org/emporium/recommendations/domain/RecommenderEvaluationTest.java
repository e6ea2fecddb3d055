package org.emporium.recommendations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Offline evaluation on simulated shoppers with latent tastes: does the model beat "most popular"?
 *
 * <p>The catalog: 500 products in 10 categories × 5 brands (a "cluster" is a category with a brand,
 * 10 products each), where products 2k and 2k+1 of a cluster are complements. The shoppers are
 * {@link ShopperSimulator}'s (the one that seeds a fresh install's history): 1,500 shoppers, each
 * with one or two taste clusters, shop in sessions over 60 days: views (mostly of their clusters'
 * category, preferring its brand, sometimes anything popular), an add to cart of a viewed item, and
 * sometimes an order of it (with its complement half the time). The model is trained on the first
 * 80% of the time through {@link RecommendationModel#apply} (the consumer's code path, minus Kafka
 * and JSON); nothing after the split is fed to it. Each shopper who buys after the split is asked
 * for 10 items at the split: a hit is any of them bought later. The popularity baseline is the 10
 * most popular items at the split (the model's own decayed popularity) minus what that shopper had
 * already bought.
 */
class RecommenderEvaluationTest {

    private static final int CATEGORIES = 10;
    private static final int BRANDS = 5;
    private static final int PER_CLUSTER = 10;
    private static final int SHOPPERS = 1_500;
    private static final int DAYS = 60;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SPLIT = START.plus(Duration.ofDays(DAYS * 8 / 10)).toEpochMilli();
    private static final long SEED = 20261123L;

    private final List<Event> events = new ArrayList<>();
    /** shopper → SKUs bought, before and after the split. */
    private final Map<String, Set<String>> boughtBefore = new HashMap<>();
    private final Map<String, Set<String>> boughtAfter = new HashMap<>();

    @Test
    void beatsPopularityByAtLeastTwiceTheHitRate() {
        simulate();
        RecommendationModel model = Fixtures.model();
        Recommender recommender = new Recommender(model);
        events.sort(Comparator.comparingLong(Event::time)); // products first: they are at the start
        long trained = 0;
        for (Event e : events) {
            if (e.time() < SPLIT) {
                model.apply(e);
                trained++;
            }
        }
        model.publishPopularity();
        List<String> popular = recommender.forShopper("nobody-at-all", 50, null).items().stream()
                .map(r -> r.product().sku()).toList();

        double hitsModel = 0;
        double hitsPopular = 0;
        double ndcgModel = 0;
        double ndcgPopular = 0;
        int shoppers = 0;
        for (Map.Entry<String, Set<String>> e : boughtAfter.entrySet()) {
            String shopper = e.getKey();
            Set<String> relevant = e.getValue();
            Set<String> owned = boughtBefore.getOrDefault(shopper, Set.of());
            List<String> ours = recommender.forShopper(shopper, 10, null).items().stream()
                    .map(r -> r.product().sku()).toList();
            List<String> baseline = popular.stream().filter(s -> !owned.contains(s)).limit(10).toList();
            shoppers++;
            hitsModel += hit(ours, relevant);
            hitsPopular += hit(baseline, relevant);
            ndcgModel += ndcg(ours, relevant);
            ndcgPopular += ndcg(baseline, relevant);
        }
        double hitRate = hitsModel / shoppers;
        double popularHitRate = hitsPopular / shoppers;
        System.out.printf("evaluation: %,d events (%,d before the split), %,d shoppers buying after it%n",
                events.size(), trained, shoppers);
        System.out.printf("  emporium   hit-rate@10 %.3f  NDCG@10 %.3f%n", hitRate, ndcgModel / shoppers);
        System.out.printf("  popularity hit-rate@10 %.3f  NDCG@10 %.3f%n", popularHitRate, ndcgPopular / shoppers);
        assertThat(shoppers).isGreaterThan(300);
        assertThat(hitRate).isGreaterThanOrEqualTo(2 * popularHitRate);
    }

    private static double hit(List<String> recommended, Set<String> relevant) {
        return recommended.stream().anyMatch(relevant::contains) ? 1 : 0;
    }

    private static double ndcg(List<String> recommended, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < recommended.size(); i++) {
            if (relevant.contains(recommended.get(i))) {
                dcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            ideal += 1 / (Math.log(i + 2) / Math.log(2));
        }
        return dcg / ideal;
    }

    private void simulate() {
        List<Product> catalog = new ArrayList<>();
        for (int c = 0; c < CATEGORIES; c++) {
            for (int b = 0; b < BRANDS; b++) {
                for (int r = 0; r < PER_CLUSTER; r++) {
                    String sku = String.format("C%d-B%d-%02d", c, b, r);
                    Product product = new Product(sku, "Product " + sku, "brand-" + b, "category-" + c, "10.00", "EUR", null);
                    catalog.add(product);
                    events.add(new Event.ProductUpserted(UUID.randomUUID().toString(), START.toEpochMilli(), "p-" + sku, 1,
                            product));
                }
            }
        }
        List<Event> sessions = new ShopperSimulator(catalog, SEED).simulate(
                ShopperSimulator.Settings.of(SHOPPERS, "shopper-", START.toEpochMilli(), Duration.ofDays(DAYS)));
        events.addAll(sessions);
        // who bought what, and when it was ordered: the views name the cart, the placement the order's cart
        Map<String, String> cartShoppers = new HashMap<>();
        Map<String, Event.OrderPlaced> orders = new HashMap<>();
        for (Event e : sessions) {
            switch (e) {
                case Event.ProductViewed v -> cartShoppers.put(v.cartId(), v.shopperId());
                case Event.OrderPlaced p -> orders.put(p.orderId(), p);
                case Event.OrderConfirmed o -> {
                    Event.OrderPlaced placed = orders.get(o.orderId());
                    String shopper = cartShoppers.get(placed.cartId());
                    (placed.time() < SPLIT ? boughtBefore : boughtAfter).computeIfAbsent(shopper, k -> new HashSet<>())
                            .addAll(o.skus());
                }
                default -> {
                }
            }
        }
    }
}
