package org.emporium.recommendations.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Realistic shopper sessions over a catalog: what the offline evaluation is run on and what a fresh
 * install's history is seeded with. Deterministic: the same catalog, settings and seed give the
 * same events, on every JDK ({@link Random}'s algorithm is fixed by the Java specification).
 *
 * <p>The catalog is taken by SKU and grouped into <i>clusters</i>: a category with one of its brands,
 * products ranked by SKU inside (popularity inside a cluster is Zipf-like: rank r is drawn with weight
 * 1 / (r + 1)). Each shopper has one or two tastes (a cluster each) and shops in sessions spread
 * over the period: a few views, mostly of a taste's category and preferring its brand, sometimes
 * anything popular (noise); sometimes an add to cart of a viewed product; sometimes an order of it,
 * half the time with its <i>complement</i> (the neighbour in the cluster of another kind: a product
 * with other attribute names, such as a lens for a camera; else the next one by SKU).
 *
 * <p>Events: {@link Event.ProductViewed} (naming the shopper's cart, which ties the cart to them),
 * {@link Event.ItemAdded}, {@link Event.OrderPlaced}, {@link Event.OrderConfirmed} and
 * {@link Event.CartCleared} (a new cart after each order), time ordered. Event, cart and order ids
 * are UUIDs drawn from a second generator, so they change nothing in what shoppers do.
 */
public final class ShopperSimulator {

    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    /**
     * How shoppers behave; {@link #of} gives the behaviour the evaluation was tuned on.
     *
     * @param shoppers      how many shoppers
     * @param shopperPrefix their ids are the prefix and a 6-digit number ({@code seed-000042})
     * @param start         when the period begins (epoch ms)
     * @param period        sessions begin at uniformly random times within it
     * @param sessions      each shopper has {@code sessions[0] + nextInt(sessions[1])} sessions
     * @param views         each session {@code views[0] + nextInt(views[1])} views, 1 to 5 minutes apart
     * @param noise         share of views of anything popular (any category)
     * @param loyalty       share of a taste's views that stay with its brand
     * @param addToCart     share of sessions ending with an add to cart of a viewed product
     * @param order         share of those that order it
     * @param complement    share of orders with the product's complement too
     */
    public record Settings(int shoppers, String shopperPrefix, long start, Duration period, int[] sessions,
                           int[] views, double noise, double loyalty, double addToCart, double order,
                           double complement) {

        public Settings {
            if (shoppers < 0 || sessions[0] < 1 || sessions[1] < 1 || views[0] < 1 || views[1] < 1
                    || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("shoppers, sessions, views and the period must be positive");
            }
        }

        public static Settings of(int shoppers, String shopperPrefix, long start, Duration period) {
            return new Settings(shoppers, shopperPrefix, start, period, new int[] {3, 10}, new int[] {2, 5}, 0.15, 0.7,
                    0.6, 0.6, 0.5);
        }

        public Settings sessions(int min, int range) {
            return new Settings(shoppers, shopperPrefix, start, period, new int[] {min, range}, views, noise, loyalty,
                    addToCart, order, complement);
        }
    }

    /** The products of one category, by brand in order of first appearance (by SKU), each list by SKU. */
    private record Category(List<List<Product>> brands) {
    }

    private final List<Category> categories = new ArrayList<>();
    /** SKU → {category, brand, rank}. */
    private final Map<String, int[]> places = new HashMap<>();
    private final long seed;

    /** @param catalog the products to shop from (any order: they are taken by SKU) */
    public ShopperSimulator(List<Product> catalog, long seed) {
        this.seed = seed;
        Map<String, Map<String, List<Product>>> clusters = new LinkedHashMap<>();
        catalog.stream().sorted(Comparator.comparing(Product::sku)).forEach(p -> clusters
                .computeIfAbsent(p.category(), c -> new LinkedHashMap<>())
                .computeIfAbsent(p.brand(), b -> new ArrayList<>()).add(p));
        for (Map<String, List<Product>> brands : clusters.values()) {
            Category category = new Category(List.copyOf(brands.values().stream().map(List::copyOf).toList()));
            for (int b = 0; b < category.brands().size(); b++) {
                List<Product> cluster = category.brands().get(b);
                for (int r = 0; r < cluster.size(); r++) {
                    places.put(cluster.get(r).sku(), new int[] {categories.size(), b, r});
                }
            }
            categories.add(category);
        }
    }

    /** The sessions of {@code settings.shoppers()} shoppers, in time order (events of equal time in the order they happened). */
    public List<Event> simulate(Settings settings) {
        List<Event> events = new ArrayList<>();
        if (categories.isEmpty()) {
            return events;
        }
        Random random = new Random(seed);
        Random ids = new Random(seed ^ 0x5EED_1D5L);
        for (int s = 0; s < settings.shoppers(); s++) {
            new Shopper(settings, random, ids, String.format("%s%06d", settings.shopperPrefix(), s)).shop(events);
        }
        events.sort(Comparator.comparingLong(Event::time)); // stable: a shopper's events keep their order
        return events;
    }

    /** One shopper's sessions. */
    private final class Shopper {
        private final Settings settings;
        private final Random random;
        private final Random ids;
        private final String id;

        Shopper(Settings settings, Random random, Random ids, String id) {
            this.settings = settings;
            this.random = random;
            this.ids = ids;
            this.id = id;
        }

        void shop(List<Event> events) {
            int tastes = 1 + random.nextInt(2);
            int[][] clusters = new int[tastes][];
            for (int t = 0; t < tastes; t++) {
                int c = random.nextInt(categories.size());
                clusters[t] = new int[] {c, random.nextInt(categories.get(c).brands().size())};
            }
            String cart = uuid();
            int sessions = settings.sessions()[0] + random.nextInt(settings.sessions()[1]);
            for (int i = 0; i < sessions; i++) {
                long time = settings.start() + (long) (random.nextDouble() * settings.period().toMillis());
                int[] cluster = clusters[random.nextInt(tastes)];
                List<Product> viewed = new ArrayList<>();
                int views = settings.views()[0] + random.nextInt(settings.views()[1]);
                for (int v = 0; v < views; v++) {
                    Product product;
                    if (random.nextDouble() < settings.noise()) { // anything popular
                        int c = random.nextInt(categories.size());
                        List<List<Product>> brands = categories.get(c).brands();
                        List<Product> products = brands.get(zipf(brands.size()));
                        product = products.get(zipf(products.size()));
                    } else {
                        List<List<Product>> brands = categories.get(cluster[0]).brands();
                        int brand = random.nextDouble() < settings.loyalty() ? cluster[1] : random.nextInt(brands.size());
                        List<Product> products = brands.get(brand);
                        product = products.get(zipf(products.size()));
                    }
                    time += (1 + random.nextInt(5)) * MINUTE;
                    events.add(new Event.ProductViewed(uuid(), time, id, cart, product.sku()));
                    viewed.add(product);
                }
                if (random.nextDouble() < settings.addToCart()) {
                    Product chosen = viewed.get(random.nextInt(viewed.size()));
                    time += MINUTE;
                    events.add(new Event.ItemAdded(uuid(), time, cart, chosen.sku()));
                    if (random.nextDouble() < settings.order()) {
                        List<String> lines = new ArrayList<>(List.of(chosen.sku()));
                        if (random.nextDouble() < settings.complement()) {
                            Product complement = complement(chosen);
                            if (complement != null) {
                                time += MINUTE;
                                events.add(new Event.ItemAdded(uuid(), time, cart, complement.sku()));
                                lines.add(complement.sku());
                            }
                        }
                        String order = uuid();
                        time += 2 * MINUTE;
                        events.add(new Event.OrderPlaced(uuid(), time, order, cart));
                        events.add(new Event.OrderConfirmed(uuid(), time + 1000, order, lines));
                        events.add(new Event.CartCleared(uuid(), time + 1000, cart));
                        cart = uuid();
                    }
                }
            }
        }

        /** 0 to n − 1, rank r with weight 1 / (r + 1). */
        private int zipf(int n) {
            double total = 0;
            for (int r = 0; r < n; r++) {
                total += 1.0 / (r + 1);
            }
            double x = random.nextDouble() * total;
            for (int r = 0; r < n; r++) {
                x -= 1.0 / (r + 1);
                if (x <= 0) {
                    return r;
                }
            }
            return n - 1;
        }

        private String uuid() {
            long most = ids.nextLong() & ~0xF000L | 0x4000L; // version 4
            long least = ids.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // IETF variant
            return new UUID(most, least).toString();
        }
    }

    /**
     * What is bought with a product: in its cluster, from its pair partner (rank r xor 1) on, the
     * first of another kind (other attribute names) in the same currency, else the partner itself;
     * null for a product alone in its cluster.
     */
    Product complement(Product product) {
        int[] place = places.get(product.sku());
        List<Product> cluster = categories.get(place[0]).brands().get(place[1]);
        int partner = (place[2] ^ 1) < cluster.size() ? place[2] ^ 1 : place[2] - 1;
        if (partner < 0) {
            return null;
        }
        Set<String> kind = product.attributes().keySet();
        for (int i = 0; i < cluster.size(); i++) {
            Product other = cluster.get((partner + i) % cluster.size());
            if (other != product && !other.attributes().keySet().equals(kind) && other.currency().equals(product.currency())) {
                return other;
            }
        }
        Product other = cluster.get(partner);
        return other.currency().equals(product.currency()) ? other : null;
    }
}
