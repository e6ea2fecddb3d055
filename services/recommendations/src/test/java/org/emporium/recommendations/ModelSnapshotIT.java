package org.emporium.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.recommendations.ServiceInstance.BEHAVIOUR;
import static org.emporium.recommendations.ServiceInstance.CATALOG;
import static org.emporium.recommendations.ServiceInstance.INPUTS;
import static org.emporium.recommendations.ServiceInstance.SEED;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.testing.Await;
import org.emporium.platform.testing.EmbeddedKafka;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.recommendations.domain.ModelSettings;
import org.emporium.recommendations.domain.Product;
import org.emporium.recommendations.domain.Recommendations;
import org.emporium.recommendations.domain.Recommender;
import org.emporium.recommendations.domain.TestCatalog;
import org.emporium.recommendations.messaging.HistorySeeder;
import org.emporium.recommendations.messaging.ModelEventConsumer;
import org.emporium.recommendations.persistence.ModelSnapshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Snapshots of the model against a real broker. The service (seeded history on) learns a catalog,
 * the seeded history and some views, and saves its model in its data directory; a restarted
 * instance given that directory loads it, reads only the events published after it (not the
 * topics' tens of thousands), finds the seed there (publishes nothing) and answers exactly as the
 * service that kept running. Positions past a topic's end (the topic recreated) make an instance
 * forget the snapshot and replay from the beginning.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@TestProfile(ModelSnapshotIT.Snapshotting.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelSnapshotIT {

    private static final List<String> TOPICS = Stream.concat(INPUTS.stream(), Stream.of(SEED)).toList();
    private static final List<Product> PRODUCTS = TestCatalog.products();
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** The data directories (the build's, which a clean removes). */
    private static final Path TARGET = Path.of("target", "snapshot-it");


    /** The seeded history on; a snapshot every second while events come in, in a directory of its own. */
    public static final class Snapshotting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("emporium.recommendations.seed-history", "true",
                        "emporium.recommendations.seed-catalog-quiet", "PT1S",
                        "emporium.recommendations.snapshot-interval", "PT1S",
                        "emporium.recommendations.data-dir", directory("snapshots").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    RecommendationsService service;

    @Inject
    @ConfigProperty(name = "emporium.recommendations.data-dir")
    Path dataDirectory;

    private Publisher events;

    @BeforeEach
    void openPublisher() {
        events = new Publisher();
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    @Test
    @Order(1)
    void aRestartResumesFromTheSnapshotAndAnswersTheSame() throws Exception {
        Await.until("ready", Duration.ofSeconds(30), () -> service.consumer() != null && service.consumer().caughtUp());
        kafka().createTopic(CATALOG, 3, Map.of("cleanup.policy", "compact"));
        for (Product p : PRODUCTS) {
            events.send(new ProducerRecord<>(CATALOG, ContractEvents.productId(p.sku()), ContractEvents.productUpserted(p, 1)));
        }
        events.flush();
        Await.until("the history published", DEADLINE, () -> service.seeder().state() == HistorySeeder.State.PUBLISHED);
        long published = service.seeder().published();
        for (int i = 0; i < 300; i++) { // shoppers of the seed and new ones
            String shopper = i % 2 == 0 ? String.format("seed-%06d", i) : String.format("shopper-%06d", i % 40);
            events.send(new ProducerRecord<>(BEHAVIOUR, i % 3, shopper,
                    ContractEvents.productViewed(shopper, null, PRODUCTS.get(i * 7 % PRODUCTS.size()).sku())));
        }
        events.flush();
        String clusterId = clusterId();
        ModelSnapshots store = new ModelSnapshots(dataDirectory, ModelSettings.defaults(), TOPICS);
        Map<TopicPartition, Long> ends = endOffsets();
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        Await.until("a snapshot of every event in " + dataDirectory, DEADLINE,
                () -> store.load(clusterId).filter(s -> s.positions().equals(ends)).isPresent());
        ModelSnapshots.Snapshot written = store.load(clusterId).orElseThrow();
        assertThat(written.seedEventsRead()).isEqualTo(published);
        // what a restart finds: the service writes no more until events come in, and into its own directory
        Path restartDirectory = directory("restart");
        Files.copy(written.file().path(), restartDirectory.resolve(written.file().path().getFileName()));

        // events after the snapshot, on one partition, so the service and the restarted instance apply them in the same order
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String shopper = i % 3 == 0 ? String.format("seed-%06d", i * 11) : String.format("shopper-%06d", i % 50);
            later.add(shopper);
            events.send(new ProducerRecord<>(BEHAVIOUR, 0, shopper,
                    ContractEvents.productViewed(shopper, null, PRODUCTS.get(i * 13 % PRODUCTS.size()).sku())));
        }
        events.flush();

        long started = System.nanoTime();
        ServiceInstance restarted = ServiceInstance.start(kafka().bootstrapServers(), TOPICS, SEED,
                new ModelEventConsumer.Snapshots(new ModelSnapshots(restartDirectory, ModelSettings.defaults(), TOPICS),
                        Duration.ofMinutes(5)));
        started = awaitCaughtUp(restarted, started);
        long resumedNanos = started;
        ServiceInstance replayed = null;
        try {
            assertThat(restarted.consumer().loadedSnapshot()).as("loaded").isNotNull();
            assertThat(restarted.consumer().replay().eventsRead()).as("only the events after the snapshot, of %,d", total + 120)
                    .isEqualTo(120);
            Await.until("the seeder done", DEADLINE, () -> restarted.seeder().state() != HistorySeeder.State.WORKING);
            assertThat(restarted.seeder().state()).as("the seed found in the snapshot").isEqualTo(HistorySeeder.State.FOUND);
            assertThat(restarted.consumer().seedEventsRead()).isEqualTo(published);
            assertThat(endOffsets().get(new TopicPartition(SEED, 0))).as("nothing published again")
                    .isEqualTo(ends.get(new TopicPartition(SEED, 0)));

            Await.until("the service applied them too", DEADLINE, () -> service.model().applied() == restarted.model().applied());
            Recommender restartedAnswers = new Recommender(restarted.model());
            List<String> shoppers = new ArrayList<>(later);
            IntStream.range(0, 1_500).mapToObj(i -> String.format("seed-%06d", i)).forEach(shoppers::add);
            // the popularity lists are republished within 500 ms of a change, by each model's consumer
            Await.until("the same answers", DEADLINE, () -> answers(service.recommender(), shoppers)
                    .equals(answers(restartedAnswers, shoppers)));
            Map<String, Recommendations> answers = answers(restartedAnswers, shoppers);
            assertThat(answers).isEqualTo(answers(service.recommender(), shoppers));
            assertThat(answers.values().stream().mapToInt(a -> a.items().size()).sum()).isGreaterThan(30_000);

            // for comparison, a start without a snapshot
            started = System.nanoTime();
            replayed = ServiceInstance.start(kafka().bootstrapServers(), TOPICS, null, null);
            long replayedNanos = awaitCaughtUp(replayed, started);
            System.out.printf("restart from a snapshot (%,d bytes, loaded in %d ms): %,d events read, ready in %.2f s; "
                            + "without: %,d events read, ready in %.2f s%n", restarted.consumer().loadedSnapshot().bytes(),
                    restarted.consumer().loadedSnapshot().took().toMillis(), restarted.consumer().replay().eventsRead(),
                    resumedNanos / 1e9, replayed.consumer().replay().eventsRead(), replayedNanos / 1e9);
            assertThat(replayed.consumer().replay().eventsRead()).as("every record (a transaction's marker takes an offset)")
                    .isBetween(total, total + 120);
        } finally {
            restarted.stop();
            if (replayed != null) {
                replayed.stop();
            }
        }
        assertThat(new ModelSnapshots(restartDirectory, ModelSettings.defaults(), TOPICS).load(clusterId))
                .as("a snapshot at stop").hasValueSatisfying(s -> assertThat(s.positions()).isEqualTo(endOffsets()));
    }

    @Test
    @Order(2)
    void positionsPastATopicsEndStartOver() throws Exception {
        String topic = "snapshot.recreated.v1";
        List<String> topics = List.of(topic);
        Path directory = directory("recreated");
        ModelEventConsumer.Snapshots snapshots = new ModelEventConsumer.Snapshots(
                new ModelSnapshots(directory, ModelSettings.defaults(), topics), Duration.ofMinutes(5));
        kafka().createTopic(topic, 1, Map.of());
        views(topic, 50);
        ServiceInstance first = ServiceInstance.start(kafka().bootstrapServers(), topics, null, snapshots);
        awaitCaughtUp(first, System.nanoTime());
        first.stop();
        assertThat(snapshots.store().load(clusterId())).as("written at stop").isPresent();

        try (var admin = kafka().admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            Await.until("deleted", () -> !names(admin).contains(topic));
        }
        kafka().createTopic(topic, 1, Map.of());
        views(topic, 10);
        ServiceInstance second = ServiceInstance.start(kafka().bootstrapServers(), topics, null, snapshots);
        try {
            awaitCaughtUp(second, System.nanoTime());
            assertThat(second.consumer().loadedSnapshot()).as("forgotten").isNull();
            assertThat(second.model().applied()).as("only the recreated topic's events").isEqualTo(10);
            assertThat(second.consumer().replay().eventsRead()).isEqualTo(10);
            assertThat(snapshots.store().load(clusterId())).as("the snapshot of the old topic deleted").isEmpty();
        } finally {
            second.stop();
        }
    }

    /** A new directory under {@link #TARGET}. */
    static Path directory(String prefix) throws IOException {
        Files.createDirectories(TARGET);
        return Files.createTempDirectory(TARGET, prefix);
    }

    private static Set<String> names(Admin admin) {
        try {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void views(String topic, int count) {
        for (int i = 0; i < count; i++) {
            String shopper = String.format("shopper-%06d", i % 7);
            events.send(new ProducerRecord<>(topic, shopper, ContractEvents.productViewed(shopper, null, PRODUCTS.get(i).sku())));
        }
        events.flush();
    }

    /** Waits until the instance is caught up; returns how long since {@code started} (nanoseconds). */
    private static long awaitCaughtUp(ServiceInstance instance, long started) {
        Await.until("caught up", DEADLINE, () -> instance.consumer().replay().caughtUp());
        return System.nanoTime() - started;
    }

    private static Map<String, Recommendations> answers(Recommender recommender, List<String> shoppers) {
        Map<String, Recommendations> answers = new HashMap<>();
        for (Product p : PRODUCTS) {
            answers.put(p.sku(), recommender.forProduct(p.sku(), 10, null));
        }
        for (String shopper : shoppers) {
            answers.put("shopper " + shopper, recommender.forShopper(shopper, 10, null));
        }
        return answers;
    }

    private static String clusterId() throws Exception {
        try (var admin = kafka().admin()) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        }
    }

    /** The end offset of every partition of the topics that exist. */
    private static Map<TopicPartition, Long> endOffsets() {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                Optional.ofNullable(consumer.partitionsFor(topic, Duration.ofSeconds(5))).orElse(List.of())
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            return consumer.endOffsets(partitions);
        }
    }

    /** Sends events, all of them acknowledged by {@link #flush}. */
    private static final class Publisher implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;
        private volatile Exception failure;

        Publisher() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka().bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }

        void send(ProducerRecord<String, byte[]> record) {
            producer.send(record, (metadata, e) -> {
                if (e != null) {
                    failure = e;
                }
            });
        }

        void flush() {
            producer.flush();
            if (failure != null) {
                throw new IllegalStateException("publishing failed", failure);
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    private static EmbeddedKafka kafka() {
        return KafkaTestResource.kafka();
    }
}
