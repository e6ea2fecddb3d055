package org.emporium.recommendations.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.emporium.recommendations.domain.Event;
import org.emporium.recommendations.domain.ModelSettings;
import org.emporium.recommendations.domain.Product;
import org.emporium.recommendations.domain.RecommendationModel;
import org.emporium.recommendations.domain.Recommendations;
import org.emporium.recommendations.domain.Recommender;
import org.emporium.recommendations.domain.ShopperSimulator;
import org.emporium.recommendations.domain.TestCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model snapshotted part-way, loaded and fed the rest of the events recommends exactly what a
 * model fed every event recommends; a snapshot that is damaged, cut short, of another format
 * version, settings, topics or Kafka cluster is passed over, never thrown.
 */
class ModelSnapshotsTest {

    private static final String CLUSTER = "cluster-1";
    private static final List<String> TOPICS = List.of("catalog.product.v1", "storefront.behaviour.v1");
    private static final Map<TopicPartition, Long> POSITIONS = Map.of(new TopicPartition("catalog.product.v1", 0), 2_410L,
            new TopicPartition("storefront.behaviour.v1", 2), 12_345L);
    private static final List<Product> CATALOG = TestCatalog.products();
    private static final List<Event> EVENTS = events();

    @TempDir
    Path directory;

    static List<ModelSettings> settings() {
        ModelSettings d = ModelSettings.defaults();
        // small capacities: full neighbour lists, profiles and carts dropped, the recent ids' generations turning over
        return List.of(d, new ModelSettings(1, 2, 4, Duration.ofDays(3), Duration.ofMinutes(20), 5, 300, 2_000));
    }

    @ParameterizedTest
    @MethodSource("settings")
    void aModelLoadedAndFedTheRestRecommendsWhatTheModelFedEverythingDoes(ModelSettings settings) throws Exception {
        RecommendationModel whole = new RecommendationModel(settings);
        EVENTS.forEach(whole::apply);

        // two snapshots on the way: loaded, fed, snapshotted and loaded again
        ModelSnapshots store = new ModelSnapshots(directory, settings, TOPICS);
        int first = EVENTS.size() / 3;
        int second = EVENTS.size() * 2 / 3;
        RecommendationModel part = new RecommendationModel(settings);
        EVENTS.subList(0, first).forEach(part::apply);
        store.write(part, POSITIONS, 7, CLUSTER);
        RecommendationModel resumed = load(store).model();
        EVENTS.subList(first, second).forEach(resumed::apply);
        store.write(resumed, POSITIONS, 7, CLUSTER);
        ModelSnapshots.Snapshot snapshot = load(store);
        assertThat(snapshot.positions()).isEqualTo(POSITIONS);
        assertThat(snapshot.seedEventsRead()).isEqualTo(7);
        RecommendationModel model = new RecommendationModel(settings);
        model.replaceWith(snapshot.model()); // as the consumer does: the service's model takes the loaded state
        EVENTS.subList(second, EVENTS.size()).forEach(model::apply);

        assertThat(assertSameAnswers(whole, model)).as("recommendations compared").isGreaterThan(50_000);
        assertThat(model.duplicates()).as("redeliveries of events before the snapshots dropped too")
                .isEqualTo(whole.duplicates()).isGreaterThan(0);

        // years later: the decay's landmark moves on (every score rescaled) the same way in both
        long later = EVENTS.getLast().time() + Duration.ofDays(400 * settings.halfLife().toDays()).toMillis();
        for (RecommendationModel m : List.of(whole, model)) {
            m.apply(new Event.ProductViewed(new UUID(9, 9).toString(), later, "late-shopper", null, CATALOG.get(5).sku()));
            m.apply(new Event.ProductViewed(new UUID(9, 10).toString(), later + 1, "late-shopper", null, CATALOG.get(6).sku()));
        }
        assertSameAnswers(whole, model);
    }

    @Test
    void anEmptyModelRoundTrips() throws Exception {
        ModelSnapshots store = new ModelSnapshots(directory, ModelSettings.defaults(), TOPICS);
        store.write(new RecommendationModel(ModelSettings.defaults()), Map.of(), 0, CLUSTER);
        ModelSnapshots.Snapshot snapshot = load(store);
        assertThat(snapshot.positions()).isEmpty();
        assertSameAnswers(new RecommendationModel(ModelSettings.defaults()), snapshot.model());
    }

    @Test
    void keepsTheNewestTwoAndNoTemporaryFile() throws Exception {
        ModelSnapshots store = new ModelSnapshots(directory, ModelSettings.defaults(), TOPICS);
        RecommendationModel model = modelOf(ModelSettings.defaults(), 100);
        for (int i = 0; i < 4; i++) {
            store.write(model, Map.of(new TopicPartition("catalog.product.v1", 0), (long) i), 0, CLUSTER);
        }
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("model-000000000003.snapshot", "model-000000000004.snapshot");
        }
        assertThat(load(store).positions()).containsEntry(new TopicPartition("catalog.product.v1", 0), 3L);
    }

    @Test
    void aDamagedCutShortOrForeignSnapshotIsPassedOver() throws Exception {
        ModelSettings settings = ModelSettings.defaults();
        ModelSnapshots store = new ModelSnapshots(directory, settings, TOPICS);
        Path good = store.write(modelOf(settings, EVENTS.size() / 10), POSITIONS, 0, CLUSTER).path();
        byte[] bytes = Files.readAllBytes(good);

        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 0x10;
        assertUnusable(store, flipped, "damaged: the checksum does not match");
        assertUnusable(store, Arrays.copyOf(bytes, bytes.length - 100), "cut short");
        assertUnusable(store, Arrays.copyOf(bytes, 10), "cut short: 10 bytes");
        assertUnusable(store, new byte[0], "cut short: 0 bytes");
        byte[] otherVersion = bytes.clone();
        ByteBuffer.wrap(otherVersion).putInt(8, ModelSnapshots.FORMAT_VERSION + 1);
        assertUnusable(store, otherVersion, "format version " + (ModelSnapshots.FORMAT_VERSION + 1));
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        assertUnusable(store, junk, "not a model snapshot");

        Path copy = Files.write(directory.resolve("model-000000000009.snapshot"), bytes);
        assertThat(store.read(copy, CLUSTER).positions()).isEqualTo(POSITIONS);
        ModelSettings longerHalfLife = new ModelSettings(1, 3, 5, Duration.ofDays(30), Duration.ofMinutes(30), 50,
                200_000, 200_000);
        assertThat(new ModelSnapshots(directory, longerHalfLife, TOPICS).load(CLUSTER)).isEmpty();
        assertThatThrownBy(() -> new ModelSnapshots(directory, longerHalfLife, TOPICS).read(copy, CLUSTER))
                .hasMessageContaining("other model settings");
        List<String> withSeed = new ArrayList<>(TOPICS);
        withSeed.add("recommendations.seed.v1");
        assertThat(new ModelSnapshots(directory, settings, withSeed).load(CLUSTER)).isEmpty();
        assertThat(store.load("another-cluster")).isEmpty();
        assertThatThrownBy(() -> store.read(copy, "another-cluster")).hasMessageContaining("another Kafka cluster");
    }

    @Test
    void aDamagedNewestGivesWayToTheOneBefore() throws Exception {
        ModelSettings settings = ModelSettings.defaults();
        ModelSnapshots store = new ModelSnapshots(directory, settings, TOPICS);
        store.write(modelOf(settings, 1_000), Map.of(new TopicPartition("catalog.product.v1", 0), 1_000L), 0, CLUSTER);
        Path newest = store.write(modelOf(settings, 2_000), Map.of(new TopicPartition("catalog.product.v1", 0), 2_000L),
                0, CLUSTER).path();
        try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        ModelSnapshots.Snapshot loaded = load(store);
        assertThat(loaded.positions()).containsEntry(new TopicPartition("catalog.product.v1", 0), 1_000L);
        assertThat(loaded.model().applied()).isEqualTo(1_000);
    }

    @Test
    void noDirectoryNoSnapshot() {
        assertThat(new ModelSnapshots(directory.resolve("missing"), ModelSettings.defaults(), TOPICS).load(CLUSTER)).isEmpty();
    }

    /** Writes {@code bytes} as the only snapshot: loading passes it over, reading it says why. */
    private void assertUnusable(ModelSnapshots store, byte[] bytes, String reason) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Path file = Files.write(directory.resolve("model-000000000001.snapshot"), bytes);
        assertThat(store.load(CLUSTER)).as(reason).isEmpty();
        assertThatThrownBy(() -> store.read(file, CLUSTER)).hasMessageContaining(reason);
    }

    private static ModelSnapshots.Snapshot load(ModelSnapshots store) {
        return store.load(CLUSTER).orElseThrow(() -> new AssertionError("no usable snapshot"));
    }

    private static RecommendationModel modelOf(ModelSettings settings, int events) {
        RecommendationModel model = new RecommendationModel(settings);
        EVENTS.subList(0, events).forEach(model::apply);
        return model;
    }

    /** The same answers for every product, every shopper (and cart pseudo-shopper) and a stranger; how many items compared. */
    private static int assertSameAnswers(RecommendationModel expected, RecommendationModel actual) {
        expected.publishPopularity();
        actual.publishPopularity();
        assertThat(actual.describe()).isEqualTo(expected.describe());
        assertThat(actual.applied()).isEqualTo(expected.applied());
        Recommender a = new Recommender(expected);
        Recommender b = new Recommender(actual);
        List<String> shoppers = new ArrayList<>(List.of("a-stranger-1", "late-shopper"));
        for (Event e : EVENTS) {
            switch (e) {
                case Event.ProductViewed v -> shoppers.add(v.shopperId());
                case Event.ItemAdded add -> shoppers.add("cart:" + add.cartId());
                default -> { }
            }
        }
        int compared = 0;
        for (String shopper : shoppers.stream().distinct().toList()) {
            Recommendations answer = a.forShopper(shopper, 20, null);
            assertThat(b.forShopper(shopper, 20, null)).as(shopper).isEqualTo(answer);
            compared += answer.items().size();
        }
        for (Product p : CATALOG) {
            Recommendations answer = a.forProduct(p.sku(), 20, null);
            assertThat(b.forProduct(p.sku(), 20, null)).as(p.sku()).isEqualTo(answer);
            compared += answer == null ? 0 : answer.items().size();
        }
        return compared;
    }

    /**
     * The catalog, stock (some sold out), two deletions, the simulated shoppers' views, cart adds
     * and orders, carts changed and emptied, and redeliveries of earlier events.
     */
    private static List<Event> events() {
        Random random = new Random(20261207);
        long start = Instant.parse("2026-09-01T00:00:00Z").toEpochMilli();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < CATALOG.size(); i++) {
            Product p = CATALOG.get(i);
            events.add(new Event.ProductUpserted(uuid(random), start, "product-" + i, 1, p));
            if (i % 7 == 0) {
                events.add(new Event.StockChanged(uuid(random), start, p.sku(), i % 3 == 0 ? 0 : 5, 1));
            }
        }
        events.add(new Event.ProductDeleted(uuid(random), start, "product-3", CATALOG.get(3).sku(), 2));
        events.add(new Event.ProductDeleted(uuid(random), start, "product-4", CATALOG.get(4).sku(), 2));
        List<Event> behaviour = new ShopperSimulator(CATALOG, 42).simulate(
                ShopperSimulator.Settings.of(1_500, "shopper-", start + 60_000, Duration.ofDays(40)));
        for (Event e : behaviour) {
            events.add(e);
            if (e instanceof Event.ItemAdded add && random.nextInt(4) == 0) {
                String other = CATALOG.get(random.nextInt(CATALOG.size())).sku();
                events.add(new Event.QuantityChanged(uuid(random), add.time(), add.cartId(), other));
                events.add(new Event.ItemRemoved(uuid(random), add.time(), add.cartId(), random.nextBoolean() ? other : add.sku()));
            }
            if (random.nextInt(50) == 0) {
                events.add(events.get(random.nextInt(events.size()))); // a redelivery
            }
        }
        return List.copyOf(events);
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
