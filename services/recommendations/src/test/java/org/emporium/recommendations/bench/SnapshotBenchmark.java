package org.emporium.recommendations.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.emporium.recommendations.domain.Event;
import org.emporium.recommendations.domain.ModelSettings;
import org.emporium.recommendations.domain.Product;
import org.emporium.recommendations.domain.RecommendationModel;
import org.emporium.recommendations.domain.ShopperSimulator;
import org.emporium.recommendations.domain.TestCatalog;
import org.emporium.recommendations.persistence.ModelSnapshots;

/**
 * Benchmark, not a test: how big a snapshot of the model is and how long writing and loading it
 * take, for a model like the shop's after a long history. The catalog like the seeded one (2,410
 * products), {@code bench.shoppers} simulated shoppers (about 44 events each: 40,000 give 1.8
 * million events, mostly views, as the benchmark-fed development shop had) applied to the model
 * in memory (no Kafka, no JSON), then written to a temporary directory and loaded back, three
 * times each. Run with bench.sh: {@code BENCH_CLASS=org.emporium.recommendations.bench.SnapshotBenchmark
 * BENCH_OPTS="-Xmx3g -Dbench.shoppers=40000"}.
 */
public final class SnapshotBenchmark {

    private static final int SHOPPERS = Integer.getInteger("bench.shoppers", 40_000);
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        List<Product> catalog = TestCatalog.products();
        long start = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < catalog.size(); i++) {
            events.add(new Event.ProductUpserted(UUID.randomUUID().toString(), start, "product-" + i, 1,
                    catalog.get(i)));
        }
        events.addAll(new ShopperSimulator(catalog, 7).simulate(ShopperSimulator.Settings.of(SHOPPERS, "shopper-",
                start + 60_000, Duration.ofDays(60))));
        RecommendationModel model = new RecommendationModel(ModelSettings.defaults());
        long applying = System.nanoTime();
        events.forEach(model::apply);
        double applied = (System.nanoTime() - applying) / 1e9;
        int count = events.size();
        events = null;
        model.publishPopularity();
        long heapAfterReplay = liveHeap();
        System.out.printf("%,d events (%,d shoppers) applied in memory in %.1f s: %s%n  live heap: %,d MB%n", count,
                SHOPPERS, applied, model.describe(), heapAfterReplay >> 20);

        Path directory = Files.createTempDirectory("snapshot-bench");
        ModelSnapshots store = new ModelSnapshots(directory, ModelSettings.defaults(), List.of("catalog.product.v1"));
        Map<TopicPartition, Long> positions = Map.of(new TopicPartition("catalog.product.v1", 0), (long) count);
        for (int round = 1; round <= ROUNDS; round++) {
            ModelSnapshots.SnapshotFile written = store.write(model, positions, 0, "bench");
            System.out.printf("round %d: wrote %,d bytes in %d ms (%.0f MB/s)%n", round, written.bytes(),
                    written.took().toMillis(), written.bytes() / 1e6 / Math.max(written.took().toNanos() / 1e9, 1e-9));
        }
        String expected = model.describe();
        model = null;
        long heapWithout = liveHeap();
        for (int round = 1; round <= ROUNDS; round++) {
            ModelSnapshots.Snapshot loaded = store.load("bench").orElseThrow();
            long heap = liveHeap() - heapWithout;
            if (!loaded.model().describe().equals(expected)) {
                throw new AssertionError("loaded " + loaded.model().describe() + ", expected " + expected);
            }
            System.out.printf("round %d: loaded in %d ms (checksum, parse, popularity lists); its live heap %,d MB%n",
                    round, loaded.file().took().toMillis(), heap >> 20);
        }
        store.deleteAll();
        Files.deleteIfExists(directory);
    }

    private static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
