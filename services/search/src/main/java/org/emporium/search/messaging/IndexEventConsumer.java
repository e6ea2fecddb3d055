package org.emporium.search.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.emporium.search.index.SearchIndex;
import org.jboss.logging.Logger;

/**
 * Applies {@code catalog.product.v1} (products) and {@code inventory.stock.v1} (stock levels) to
 * the index, on a thread of its own.
 *
 * <p>Every instance keeps a full index, so there is no consumer group: it assigns itself every
 * partition and keeps its position in the index's commits, next to the documents they produced.
 * After a crash it resumes from the last commit and re-applies what followed, which is harmless
 * because the index ignores versions it already has. A batch is searchable as soon as it is
 * applied (near-real-time refresh); commits (fsyncs) happen at most about once a second.
 *
 * <p>"Caught up" means every partition of both topics has been read up to the end offsets seen
 * when reading began; until then the service reports not ready. The catalog topic must exist
 * (without products there is nothing to serve), but the stock topic belongs to inventory, which
 * may start later: while it is missing it counts as nothing to catch up on, and its metadata is
 * checked every {@value #TOPIC_CHECK_SECONDS} s; when it appears this consumer is replaced by one
 * that also reads it from the beginning (the catalog resumes where it was).
 */
public final class IndexEventConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(IndexEventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
    private static final int COMMIT_EVENTS = 20_000;
    private static final int PROGRESS_EVENTS = 10_000;
    // While catching up, refresh searchers this rarely: each refresh writes a small segment.
    private static final Duration CATCH_UP_REFRESH = Duration.ofSeconds(1);
    private static final String OFFSET_KEY = "kafka.offset.";
    static final int TOPIC_CHECK_SECONDS = 2;
    private static final Duration TOPIC_CHECK = Duration.ofSeconds(TOPIC_CHECK_SECONDS);

    private final SearchIndex index;
    private final String topic;
    private final String stockTopic;
    private final Properties kafka;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Set<String> unknownTypes = new HashSet<>();

    private volatile boolean stopping;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;

    // owned by the consumer thread
    private Map<TopicPartition, Long> target = Map.of();
    private volatile long applied;
    private long sinceCommit;
    private long lastCommit = System.nanoTime();
    private long lastRefresh = System.nanoTime();
    private long catchUpStart;
    private boolean positionsMoved;
    private long progressLoggedAt;
    private long lastTopicCheck;
    private boolean stockTopicMissingLogged;
    private volatile boolean stockTopicAssigned;
    /** Where to continue: this run's positions, else the index's committed offsets. */
    private Map<TopicPartition, Long> resumeOffsets(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> resume = new HashMap<>();
        for (TopicPartition p : partitions) {
            String committed = index.checkpoint().get(OFFSET_KEY + p);
            if (lastOffsets.containsKey(p)) {
                resume.put(p, lastOffsets.get(p));
            } else if (committed != null) {
                resume.put(p, Long.parseLong(committed));
            }
        }
        return resume;
    }

    // The position of each partition after the last applied batch: what the next commit records.
    private final Map<TopicPartition, Long> lastOffsets = new HashMap<>();

    public IndexEventConsumer(SearchIndex index, String topic, String stockTopic, String bootstrapServers) {
        this.index = index;
        this.topic = topic;
        this.stockTopic = stockTopic;
        this.kafka = new Properties();
        kafka.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        kafka.put(ConsumerConfig.CLIENT_ID_CONFIG, "search");
        kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        kafka.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // offsets compacted away: start over
        kafka.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        kafka.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        kafka.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // bounded fetch buffers: the heap target is 128 MB
        kafka.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        kafka.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(2 * 1024 * 1024));
        // while Kafka is down: retry connecting every 2 s at most, not in a tight loop
        kafka.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "200");
        kafka.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        kafka.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        kafka.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    }

    /** Starts consuming on a new thread. */
    public void start() {
        Thread t = new Thread(this, "index-events");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops consuming, commits what was applied and returns within about {@code timeout}. */
    public void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        stopRequested.countDown(); // ends a retry wait
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup(); // ends a poll or metadata wait; no interrupt: it would close the index's files
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("index event consumer did not stop within %s", timeout);
            }
        }
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    /** Records read since this consumer started, applied or not. */
    public long eventsRead() {
        return applied;
    }

    public boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    @Override
    public void run() {
        try {
            if (index.rebuilt() || index.checkpoint().isEmpty()) {
                LOG.infof("index is empty: building it from the beginning of %s and %s", topic, stockTopic);
            }
            while (!stopping) {
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer = c;
                    if (!stopping) { // stop() may have missed this consumer
                        consume(c);
                    }
                } catch (WakeupException e) {
                    // stop() was called
                } catch (KafkaException e) {
                    if (!stopping) {
                        LOG.warnf("Kafka at %s: %s; retrying in %s", kafka.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                                e.getMessage(), RETRY);
                        pause(RETRY);
                    }
                } finally {
                    consumer = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "index event consumer failed; the index stops following %s and %s", topic, stockTopic);
        } finally {
            try {
                commit(); // documents applied since the last commit, with their offsets
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "final commit of the search index failed; it will replay from the previous one");
            }
            stopped.countDown();
        }
    }

    private void consume(KafkaConsumer<String, byte[]> c) throws IOException {
        List<TopicPartition> catalog = awaitTopic(c);
        if (catalog.isEmpty()) {
            return; // stopping
        }
        List<TopicPartition> stock = partitions(c, stockTopic);
        if (stock.isEmpty() && !stockTopicMissingLogged) {
            LOG.infof("topic %s does not exist yet: serving products without stock levels, checking for it every %s",
                    stockTopic, TOPIC_CHECK);
            stockTopicMissingLogged = true;
        }
        List<TopicPartition> partitions = new ArrayList<>(catalog);
        partitions.addAll(stock);
        stockTopicAssigned = !stock.isEmpty();
        c.assign(partitions);
        Map<TopicPartition, Long> ends = c.endOffsets(partitions);
        Map<TopicPartition, Long> resume = resumeOffsets(partitions);
        if (resume.entrySet().stream().anyMatch(e -> e.getValue() > ends.getOrDefault(e.getKey(), 0L))) {
            // offsets past the end: this is not the topic the index was built from (recreated, another cluster)
            LOG.warnf("the index's offsets %s are past the end offsets %s: a topic was recreated; "
                    + "emptying the index and rebuilding it from the beginning", resume, ends);
            index.deleteAll();
            lastOffsets.clear();
            resume = Map.of();
            caughtUp = false;
        }
        for (TopicPartition p : partitions) {
            if (resume.containsKey(p)) {
                c.seek(p, resume.get(p));
            } else {
                c.seekToBeginning(List.of(p));
            }
        }
        if (!caughtUp) {
            target = ends;
            catchUpStart = System.nanoTime();
            LOG.infof("catching up on %s: %s", topics(), lag(c));
        }
        while (!stopping) {
            ConsumerRecords<String, byte[]> records = c.poll(POLL);
            for (ConsumerRecord<String, byte[]> record : records) {
                apply(record);
            }
            positionsMoved |= !records.isEmpty();
            for (TopicPartition p : partitions) {
                lastOffsets.put(p, c.position(p));
            }
            afterBatch(c);
            if (stock.isEmpty() && stockTopicAppeared(c)) {
                LOG.infof("topic %s appeared: reading it from the beginning", stockTopic);
                return; // the next consumer assigns both topics; the catalog resumes from lastOffsets
            }
        }
    }

    private String topics() {
        return stockTopicAssigned ? topic + " and " + stockTopic : topic + " (" + stockTopic + " does not exist yet)";
    }

    /** Checks the missing stock topic's metadata, at most every {@link #TOPIC_CHECK}. */
    private boolean stockTopicAppeared(KafkaConsumer<String, byte[]> c) {
        long now = System.nanoTime();
        if (now - lastTopicCheck < TOPIC_CHECK.toNanos()) {
            return false;
        }
        lastTopicCheck = now;
        return !partitions(c, stockTopic).isEmpty();
    }

    private void afterBatch(KafkaConsumer<String, byte[]> c) throws IOException {
        long now = System.nanoTime();
        if (!caughtUp && target.entrySet().stream().allMatch(e -> lastOffsets.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
            index.refresh();
            lastRefresh = now;
            commit();
            caughtUp = true;
            double seconds = (now - catchUpStart) / 1e9;
            LOG.infof("caught up with %s: %d products searchable, %d events applied in %.1f s; ready",
                    topics(), index.productCount(), applied, seconds);
            return;
        }
        if (index.hasPendingChanges() && (caughtUp || now - lastRefresh >= CATCH_UP_REFRESH.toNanos())) {
            index.refresh();
            lastRefresh = now;
        }
        if (positionsMoved && (now - lastCommit >= COMMIT_INTERVAL.toNanos() || sinceCommit >= COMMIT_EVENTS)) {
            commit();
        }
        if (!caughtUp && applied - progressLoggedAt >= PROGRESS_EVENTS) {
            progressLoggedAt = applied;
            double seconds = (now - catchUpStart) / 1e9;
            LOG.infof("catching up: %d events applied, %.0f events/s, %s", applied,
                    applied / Math.max(seconds, 0.001), lag(c));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) throws IOException {
        applied++;
        sinceCommit++;
        try {
            if (record.topic().equals(stockTopic)) {
                applyStock(StockEvent.parse(record.value()), record.topic());
            } else {
                applyCatalog(CatalogEvent.parse(record.value()), record.topic());
            }
        } catch (MalformedEvent e) {
            LOG.warnf("skipping malformed event at %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
        }
    }

    private void applyCatalog(CatalogEvent event, String from) throws IOException {
        switch (event) {
            case CatalogEvent.Upserted u -> index.upsert(u.product());
            case CatalogEvent.Deleted d -> index.delete(d.id(), d.version());
            case CatalogEvent.Unknown u -> skipping(u.type(), from);
        }
    }

    private void applyStock(StockEvent event, String from) throws IOException {
        switch (event) {
            case StockEvent.LevelChanged l -> index.stock(l.level());
            case StockEvent.Other o -> skipping(o.type(), from); // reservations: the saga's, not search's
        }
    }

    private void skipping(String type, String from) {
        if (unknownTypes.size() < 100 && unknownTypes.add(type)) {
            LOG.infof("skipping events of type '%s' on %s (not used by search)", type, from);
        }
    }

    private void commit() throws IOException {
        if (!positionsMoved && !index.hasPendingChanges()) {
            return;
        }
        Map<String, String> checkpoint = new HashMap<>(index.checkpoint());
        lastOffsets.forEach((p, offset) -> checkpoint.put(OFFSET_KEY + p, Long.toString(offset)));
        index.commit(checkpoint);
        lastCommit = System.nanoTime();
        sinceCommit = 0;
        positionsMoved = false;
    }

    /** The catalog topic's partitions, once it exists; empty if stopped first. */
    private List<TopicPartition> awaitTopic(KafkaConsumer<String, byte[]> c) {
        boolean logged = false;
        while (!stopping) {
            List<TopicPartition> partitions = partitions(c, topic);
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (!logged) {
                LOG.infof("waiting for topic %s to exist; not ready until it does", topic);
                logged = true;
            }
            pause(RETRY);
        }
        return List.of();
    }

    /** A topic's partitions; empty while it does not exist (a missing topic is not an error). */
    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c, String name) {
        List<PartitionInfo> infos = c.partitionsFor(name, Duration.ofSeconds(5));
        if (infos == null) {
            return List.of();
        }
        return infos.stream().map(i -> new TopicPartition(name, i.partition())).toList();
    }

    private String lag(KafkaConsumer<String, byte[]> c) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
            lag += Math.max(0, e.getValue() - c.position(e.getKey()));
        }
        return lag + " events behind the end offsets seen at start";
    }

    private void pause(Duration duration) {
        try {
            stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
