package org.emporium.recommendations.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.messaging.KafkaClients;
import org.emporium.platform.messaging.Topics;
import org.emporium.recommendations.domain.Event;
import org.emporium.recommendations.domain.Product;
import org.emporium.recommendations.domain.RecommendationModel;
import org.emporium.recommendations.domain.ShopperSimulator;
import org.jboss.logging.Logger;

/**
 * Gives a fresh install a past: publishes a simulated history of shopper behaviour
 * ({@link ShopperSimulator} over the catalog the model has learned) to the seed topic, once per
 * install, as the real producers' events ({@link SeedEvents}); the model then learns it through the
 * consumer like any behaviour. See ADR 0023.
 *
 * <p><b>Once.</b> The seed topic holds the seed and nothing else, so "seeded" means "the topic has a
 * committed record". The whole history is one Kafka transaction of a producer whose
 * {@code transactional.id} is the topic's name, the same for every instance: starting that producer
 * ({@code initTransactions}) fences any other instance's and ends its open transaction (a crash
 * half-way leaves nothing readable: the consumers read committed records only), and only then is the
 * topic checked. Of two instances starting together, the second to start its producer either finds
 * the first's seed committed, or aborts it and publishes its own while the first, fenced, waits for it.
 *
 * <p>On its own thread, at start: waits until the model has caught up (a restart finds the seed
 * there and stops), then until the catalog is known and quiet (its products unchanged for a while:
 * the catalog's relay publishes the seeded catalog in a few seconds), then publishes. Kafka
 * failures are retried every {@value #RETRY_SECONDS} s; a refusal (ACLs) is logged and ends it.
 */
public final class HistorySeeder {

    private static final Logger LOG = Logger.getLogger(HistorySeeder.class);
    /** Fixed: the same catalog gives the same history on every install. */
    static final long RANDOM_SEED = 20_261_207L;
    /** Seeded shoppers' ids: {@code seed-000042}. */
    public static final String SHOPPER_PREFIX = "seed-";
    /**
     * The sessions fall in the four weeks that end four weeks before the day of seeding: with the
     * default 14-day half-life a seeded signal counts 1/4 to 1/16 of a fresh one, so the shop's own
     * behaviour soon outweighs the seed (one real order outranks what the seed taught about most
     * products).
     */
    static final Duration PERIOD = Duration.ofDays(28);
    static final Duration AGE = Duration.ofDays(28);
    static final int RETRY_SECONDS = 10;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param topic              the seed topic (one partition, kept forever); also the producer's transactional.id
     * @param shoppers           simulated shoppers (about 44 events each)
     * @param catalogQuiet       the catalog must be unchanged this long before the history is made of it
     * @param transactionTimeout the producer's transaction timeout: an abandoned seed is aborted after it
     */
    public record Settings(String topic, int shoppers, Duration catalogQuiet, Duration transactionTimeout) {
    }

    /** Where the seeder is. */
    public enum State {
        /** Waiting for the model to catch up or for the catalog, or publishing. */
        WORKING,
        /** The topic had the seed already (a restart, or another instance published it). */
        FOUND,
        /** This instance published the seed. */
        PUBLISHED,
        /** Refused by Kafka (ACLs): not seeded by this instance. */
        REFUSED,
        /** Stopped before it was done. */
        STOPPED
    }

    private final RecommendationModel model;
    private final ModelEventConsumer consumer;
    private final Settings settings;
    private final String bootstrapServers;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile State state = State.WORKING;
    private volatile long published;
    private volatile Thread thread;

    private HistorySeeder(RecommendationModel model, ModelEventConsumer consumer, Settings settings,
                          String bootstrapServers) {
        this.model = model;
        this.consumer = consumer;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts seeding, on a thread of its own, for the model that {@code consumer} feeds. */
    public static HistorySeeder start(RecommendationModel model, ModelEventConsumer consumer, Settings settings,
                                      String bootstrapServers) {
        HistorySeeder seeder = new HistorySeeder(model, consumer, settings, bootstrapServers);
        seeder.thread = Thread.ofPlatform().name("history-seed").daemon().start(seeder::run);
        return seeder;
    }

    /**
     * Whether this service may read the seed topic (its ACLs): false only when Kafka says no. A
     * followed topic the service may not describe would stop its consumer from reading anything,
     * so the topic is followed only when this is true. Unknown (Kafka not answering): true.
     */
    public static boolean mayRead(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.putAll(KafkaClients.connection(bootstrapServers));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(properties)) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(6, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return !(e.getCause() instanceof AuthorizationException);
        } catch (TimeoutException | KafkaException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    public State state() {
        return state;
    }

    /** Events this instance published (0 unless {@link State#PUBLISHED}). */
    public long published() {
        return published;
    }

    public void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        stopRequested.countDown();
        Thread t = thread;
        if (t != null && t != Thread.currentThread() && !stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("history-seed did not stop within %s", timeout);
        }
    }

    private void run() {
        try {
            while (!stopping && state == State.WORKING) {
                try {
                    attempt();
                } catch (KafkaException e) {
                    if (refused(e)) {
                        LOG.warnf("the seeded history is not published: Kafka refused (%s). The event contract must "
                                + "give recommendations %s (write, read, create) and its transactional id", message(e),
                                settings.topic());
                        state = State.REFUSED;
                    } else if (!stopping) {
                        LOG.warnf("seeding the history: %s; trying again in %d s", message(e), RETRY_SECONDS);
                        pause(Duration.ofSeconds(RETRY_SECONDS));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "seeding the history failed; the model goes on without it");
        } finally {
            if (state == State.WORKING) {
                state = State.STOPPED;
            }
            stopped.countDown();
        }
    }

    /** One attempt: done ({@link #state} no longer WORKING), or to be tried again. */
    private void attempt() throws InterruptedException {
        createTopic();
        while (!consumer.replay().caughtUp()) {
            if (!pause(POLL)) {
                return;
            }
        }
        if (found("the seeded history is there already (%,d events): nothing to publish")) {
            return;
        }
        List<Product> catalog = quietCatalog();
        if (catalog == null) {
            return;
        }
        awaitNoOpenTransaction();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.initTransactions(); // fences any other instance's producer, ends its open transaction
            if (committed()) {
                LOG.infof("another instance published the seeded history: nothing to publish");
                state = State.FOUND;
                return;
            }
            publish(producer, catalog);
        } catch (KafkaException e) {
            if (!fenced(e)) {
                throw e;
            }
            LOG.infof("another instance took over seeding the history; waiting for it");
            long deadline = System.nanoTime() + settings.transactionTimeout().plusSeconds(RETRY_SECONDS).toNanos();
            while (System.nanoTime() < deadline) {
                if (found("the seeded history arrived from another instance (%,d events so far)") || !pause(POLL)) {
                    return;
                }
            }
            LOG.infof("no seeded history from the other instance; trying again");
        }
    }

    private boolean found(String message) {
        long read = consumer.seedEventsRead();
        if (read > 0) {
            LOG.infof(message, read);
            state = State.FOUND;
            return true;
        }
        return false;
    }

    /** The catalog once it has products and has been unchanged for a while; null if seeded meanwhile or stopping. */
    private List<Product> quietCatalog() throws InterruptedException {
        int last = -1;
        long since = System.nanoTime();
        boolean logged = false;
        while (!stopping) {
            if (found("another instance published the seeded history (%,d events): nothing to publish")) {
                return null;
            }
            int size = model.catalogSize();
            if (size != last) {
                last = size;
                since = System.nanoTime();
            } else if (size > 0 && System.nanoTime() - since >= settings.catalogQuiet().toNanos()) {
                return model.catalog();
            } else if (size == 0 && !logged) {
                LOG.infof("seeding the history once the catalog has products (none yet on its topic)");
                logged = true;
            }
            pause(POLL);
        }
        return null;
    }

    private void publish(KafkaProducer<String, byte[]> producer, List<Product> catalog) throws InterruptedException {
        long started = System.nanoTime();
        long end = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(AGE).toEpochMilli();
        ShopperSimulator.Settings simulation = ShopperSimulator.Settings.of(settings.shoppers(), SHOPPER_PREFIX,
                end - PERIOD.toMillis(), PERIOD);
        List<Event> history = new ShopperSimulator(catalog, RANDOM_SEED).simulate(simulation);
        long simulated = System.nanoTime();
        SeedEvents events = new SeedEvents(settings.topic(), catalog, history);
        // a send that failed (fenced by another instance, refused) stops the sending: no waiting on a full buffer
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback failed = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        producer.beginTransaction();
        for (Event event : history) {
            if (stopping) {
                producer.abortTransaction();
                return;
            }
            if (failure.get() != null) {
                throw failure.get() instanceof KafkaException k ? k : new KafkaException(failure.get());
            }
            producer.send(events.record(event), failed);
        }
        producer.commitTransaction();
        long committed = System.nanoTime();
        published = history.size();
        state = State.PUBLISHED;
        LOG.infof("published the seeded history to %s: %,d events of %,d shoppers over %,d products in %.1f s "
                        + "(simulated in %.1f s)", settings.topic(), history.size(), settings.shoppers(), catalog.size(),
                (committed - started) / 1e9, (simulated - started) / 1e9);
        while (consumer.seedEventsRead() < history.size() && System.nanoTime() - committed < CHECK_TIMEOUT.toNanos()) {
            if (!pause(Duration.ofMillis(20))) {
                return;
            }
        }
        LOG.infof("the model has learned the seeded history %.1f s after it was committed: %s",
                (System.nanoTime() - committed) / 1e9, model.describe());
    }

    private void createTopic() {
        NewTopic topic = new NewTopic(settings.topic(), Optional.of(1), Optional.empty())
                .configs(Map.of("retention.ms", "-1", "cleanup.policy", "delete"));
        Topics.createIfMissing(bootstrapServers, List.of(topic));
    }

    /**
     * While another instance's transaction on the topic is open and moving (its high watermark
     * beyond the last stable offset, and growing), waits for it to end rather than fence it; an
     * open transaction that stopped moving (its producer died) is ended by {@code initTransactions}.
     */
    private void awaitNoOpenTransaction() throws InterruptedException {
        Properties properties = new Properties();
        properties.putAll(KafkaClients.connection(bootstrapServers));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
        long deadline = System.nanoTime() + settings.transactionTimeout().toNanos();
        long lastEnd = -1;
        long movedAt = System.nanoTime();
        try (Admin admin = Admin.create(properties)) {
            while (!stopping && System.nanoTime() < deadline) {
                long end = end(admin, IsolationLevel.READ_UNCOMMITTED);
                if (end == end(admin, IsolationLevel.READ_COMMITTED)) {
                    return;
                }
                if (end != lastEnd) {
                    lastEnd = end;
                    movedAt = System.nanoTime();
                } else if (System.nanoTime() - movedAt > Duration.ofSeconds(5).toNanos()) {
                    return;
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    private long end(Admin admin, IsolationLevel isolation) throws InterruptedException {
        TopicPartition partition = new TopicPartition(settings.topic(), 0);
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(isolation))
                    .partitionResult(partition).get().offset();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        }
    }

    /** Whether the topic has a committed record (the seed), read from its beginning. */
    private boolean committed() {
        Map<String, Object> properties = new HashMap<>(KafkaClients.connection(bootstrapServers));
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "history-seed-check");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        try (KafkaConsumer<String, byte[]> check = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = check.partitionsFor(settings.topic(), CHECK_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            check.assign(partitions);
            check.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = check.endOffsets(partitions, CHECK_TIMEOUT);
            long deadline = System.nanoTime() + CHECK_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> check.position(p, CHECK_TIMEOUT) < ends.get(p))) {
                if (!check.poll(POLL).isEmpty()) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    throw new KafkaException("reading " + settings.topic() + " to its end took over " + CHECK_TIMEOUT);
                }
            }
            return false;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> properties = new HashMap<>(KafkaClients.connection(bootstrapServers));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "history-seed");
        // the same for every instance: that is what fences a second seeder
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.topic());
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) settings.transactionTimeout().toMillis());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // bounded: the heap is small; send() waits while the buffer is full
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (" + root + ")";
    }

    /** Waits; false when stopping. */
    private boolean pause(Duration duration) throws InterruptedException {
        stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        return !stopping;
    }
}
