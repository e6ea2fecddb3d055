package org.emporium.search.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.emporium.search.CatalogEvents;
import org.emporium.search.SeedCatalog;
import org.emporium.search.index.Product;
import org.emporium.search.index.ProductSearch;
import org.emporium.search.index.SearchIndex;
import org.emporium.search.index.SearchRequest;
import org.emporium.search.index.SearchSort;
import org.emporium.search.index.Suggester;

/**
 * Benchmark, not a test: builds an index of 100,000 generated products from catalog events
 * (parse + apply + commit, on disk like the service) and measures query latency at 1, 8 and 32
 * concurrent clients for a mix of searches, filtered browsing and suggestions, straight against
 * the index (no HTTP). Prints numbers; see the README for how to run it.
 */
public final class SearchBenchmark {

    private static final int PRODUCTS = Integer.getInteger("bench.products", 100_000);
    private static final int QUERIES_PER_CLIENT_COUNT = Integer.getInteger("bench.queries", 4_000);

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("search-bench");
        try (SearchIndex index = SearchIndex.open(dir)) {
            // events are generated in chunks outside the clock, so the heap holds the index, not 100k events
            long elapsed = 0;
            for (int from = 0; from < PRODUCTS; from += 5_000) {
                List<byte[]> events = generate(from, Math.min(PRODUCTS, from + 5_000));
                long start = System.nanoTime();
                for (byte[] event : events) {
                    apply(index, event);
                }
                elapsed += System.nanoTime() - start;
            }
            long start = System.nanoTime();
            index.refresh();
            index.commit(java.util.Map.of());
            elapsed += System.nanoTime() - start;
            double seconds = elapsed / 1e9;
            System.out.printf("index build: %,d products in %.1f s = %,.0f products/s (JSON parse + index + commit, MMapDirectory)%n",
                    PRODUCTS, seconds, PRODUCTS / seconds);
            System.out.printf("index size on disk: %.1f MB; products searchable: %,d%n", size(dir) / 1e6, index.productCount());

            ProductSearch search = new ProductSearch(index);
            Suggester suggester = new Suggester(index);
            List<Runnable> mix = mix(search, suggester);
            run(mix, 1, 2_000); // warm-up
            for (int clients : new int[] {1, 8, 32}) {
                run(mix, clients, QUERIES_PER_CLIENT_COUNT * (clients == 1 ? 2 : 1) / Math.max(1, clients / 4));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final java.lang.reflect.Method PARSE = parser();

    private static java.lang.reflect.Method parser() {
        try {
            var parse = Class.forName("org.emporium.search.messaging.CatalogEvent").getDeclaredMethod("parse", byte[].class);
            parse.setAccessible(true);
            return parse;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void apply(SearchIndex index, byte[] event) throws Exception {
        // the consumer's parse-and-apply path, minus Kafka (CatalogEvent is package-private there)
        Object parsed = PARSE.invoke(null, (Object) event);
        Product product = (Product) parsed.getClass().getMethod("product").invoke(parsed);
        index.upsert(product);
    }

    /** 100k products: the seed catalog repeated with new SKUs, line numbers, prices and dates. Deterministic. */
    static List<byte[]> generate(int from, int to) {
        List<Product> seed = SeedCatalog.products();
        List<byte[]> events = new ArrayList<>(to - from);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = from; i < to; i++) {
            Random random = new Random(i);
            Product base = seed.get(i % seed.size());
            int generation = i / seed.size();
            String sku = base.sku() + "-" + generation;
            String name = generation == 0 ? base.name() : base.name() + " Series " + (generation + 1);
            BigDecimal price = base.price().multiply(BigDecimal.valueOf(80 + random.nextInt(41))).movePointLeft(2)
                    .setScale(2, java.math.RoundingMode.HALF_UP);
            events.add(CatalogEvents.upserted(new Product(UUID.nameUUIDFromBytes(sku.getBytes()).toString(), sku, name,
                    base.description(), base.brand(), base.category(), price, "USD", null, base.attributes(),
                    start.plusSeconds(i * 60L), 1)));
        }
        return events;
    }

    /** What shoppers do: mostly text searches (some misspelt, some filtered), browsing, suggestions. */
    static List<Runnable> mix(ProductSearch search, Suggester suggester) {
        String[] texts = {"headphones", "noise cancelling headphones", "gaming laptop 32gb", "coffee", "espresso machine",
                "dutch oven", "trail running shoes", "rain jacket", "sonder", "kettle", "phone case", "office chair",
                "hedphones", "labtop", "expresso machine", "ceremonal macha", "bluetooth speaker", "tent 4 person",
                "merino base layer", "fantasy novel", "standing desk walnut", "cast iron skillet", "mirrorless camera",
                "stand mixer", "green tea"};
        String[] prefixes = {"s", "so", "son", "sond", "studio h", "head", "lap", "gaming l", "esp", "dutch o", "kett"};
        List<Runnable> mix = new ArrayList<>();
        for (String text : texts) {
            mix.add(query(search, SearchRequest.text(text)));
            mix.add(query(search, SearchRequest.text(text).sortedBy(SearchSort.PRICE)));
        }
        mix.add(query(search, SearchRequest.text("headphones").withBrands("Sonder", "Voltari").withPrice(new BigDecimal("50"), new BigDecimal("300"))));
        mix.add(query(search, SearchRequest.text("").withCategories("laptops").sortedBy(SearchSort.PRICE_DESCENDING)));
        mix.add(query(search, SearchRequest.text("").withCategories("books").page(3, 20)));
        mix.add(query(search, SearchRequest.text("")));
        for (String prefix : prefixes) {
            mix.add(() -> {
                try {
                    suggester.suggest(prefix, 8).items();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return mix;
    }

    private static Runnable query(ProductSearch search, SearchRequest request) {
        return () -> {
            try {
                search.search(request);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static void run(List<Runnable> mix, int clients, int queriesPerClient) throws InterruptedException {
        long[] latencies = new long[clients * queriesPerClient];
        AtomicInteger slot = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(c);
            Thread.ofPlatform().start(() -> {
                for (int q = 0; q < queriesPerClient; q++) {
                    Runnable query = mix.get(random.nextInt(mix.size()));
                    long t0 = System.nanoTime();
                    query.run();
                    latencies[slot.getAndIncrement()] = System.nanoTime() - t0;
                }
                done.countDown();
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%2d clients: %,7d queries, %,6.0f queries/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms%n", clients,
                latencies.length, latencies.length / seconds, latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6, latencies[latencies.length - 1] / 1e6);
    }

    private static long size(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
