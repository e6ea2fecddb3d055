package org.emporium.platform.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
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
import org.jboss.logging.Logger;

/**
 * Rebuilds a service's state from its topics and keeps it current, for state every instance keeps
 * whole (search's index, the recommendation model): no consumer group, every instance assigns
 * itself every partition and reads from the beginning (or from positions the {@link Sink} stored
 * with its state), on a platform thread of its own, the state's single writer.
 *
 * <ul>
 *   <li><b>Caught up</b> (ready) once every partition has been read up to the end offsets seen when
 *       reading began; until then the service reports not ready.</li>
 *   <li>An {@linkplain Builder#awaiting awaited} topic must exist before anything is read; a
 *       {@linkplain Builder#following followed} one may belong to a service that starts later: while
 *       it is missing it counts as nothing to catch up on, its metadata is checked every
 *       {@value #TOPIC_CHECK_SECONDS} s, and when it appears it is read from the beginning while
 *       the others go on where they were.</li>
 *   <li>Positions past a topic's end (the topic was recreated, another cluster): the sink
 *       {@linkplain Sink#startOver starts over} and everything is replayed from the beginning.</li>
 *   <li>Kafka down: the consumer is replaced after {@value #RETRY_SECONDS} s and resumes from the
 *       positions reached. A failure of the sink (its disk) stops the consumer: not live.</li>
 *   <li>Optionally, while catching up, partitions are kept in step by record time (see
 *       {@link Builder#aligned}).</li>
 * </ul>
 */
public final class ReplayConsumer {

    private static final Logger LOG = Logger.getLogger(ReplayConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    static final int RETRY_SECONDS = 1;
    private static final Duration RETRY = Duration.ofSeconds(RETRY_SECONDS);
    static final int TOPIC_CHECK_SECONDS = 2;
    private static final Duration TOPIC_CHECK = Duration.ofSeconds(TOPIC_CHECK_SECONDS);

    /** The state being rebuilt. Called on the consumer's thread only. */
    public interface Sink {

        /** Applies one event; false when its type is not used here (each such type is logged once). */
        boolean apply(Envelope event) throws MalformedEvent, IOException;

        /** Positions stored with the state, to resume from; partitions without one start at the beginning. */
        default Map<TopicPartition, Long> stored(Collection<TopicPartition> partitions) {
            return Map.of();
        }

        /** The stored positions were past the topics' ends: forget the state, it is replayed from the beginning. */
        default void startOver() throws IOException {
        }

        /** After each poll, with the position of every assigned partition and the number of records read. */
        default void afterBatch(Map<TopicPartition, Long> positions, int records, boolean caughtUp) throws IOException {
        }

        /** Once caught up; returns what the "ready" log line says about the state. */
        default String caughtUp(Map<TopicPartition, Long> positions) throws IOException {
            return "";
        }

        /** When the consumer stops, however it stops, with the positions reached. */
        default void stopped(Map<TopicPartition, Long> positions) {
        }
    }

    public static Builder builder(String name, String bootstrapServers) {
        return new Builder(name, bootstrapServers);
    }

    /** What to read and how; {@link #start} begins. */
    public static final class Builder {
        private final String name;
        private final String bootstrapServers;
        private final List<String> awaited = new ArrayList<>();
        private final List<String> followed = new ArrayList<>();
        private final List<NewTopic> created = new ArrayList<>();
        private int maxPollRecords = 2000;
        private int fetchMaxBytes = 8 * 1024 * 1024;
        private int partitionFetchBytes = 1024 * 1024;
        private Duration alignment;
        private int progressEvery = 10_000;

        private Builder(String name, String bootstrapServers) {
            this.name = Objects.requireNonNull(name);
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers);
        }

        /** Topics that must exist before reading begins (not ready until they do). */
        public Builder awaiting(String... topics) {
            awaited.addAll(List.of(topics));
            return this;
        }

        /** Topics read once they exist. */
        public Builder following(Collection<String> topics) {
            followed.addAll(topics);
            return this;
        }

        /** A topic this service owns: created before reading if missing (list it among the followed too). */
        public Builder creating(NewTopic topic) {
            created.add(topic);
            return this;
        }

        /** Bounded fetch buffers, for a small heap. */
        public Builder fetch(int maxPollRecords, int fetchMaxBytes, int partitionFetchBytes) {
            this.maxPollRecords = maxPollRecords;
            this.fetchMaxBytes = fetchMaxBytes;
            this.partitionFetchBytes = partitionFetchBytes;
            return this;
        }

        /**
         * While catching up, a partition whose latest record is more than {@code window} (record
         * timestamp) ahead of the slowest unfinished partition is paused until the others reach
         * it, so a replay applies the topics in about the order they happened, as live.
         */
        public Builder aligned(Duration window) {
            this.alignment = window;
            return this;
        }

        /** Logs progress while catching up every so many records. */
        public Builder progressEvery(int records) {
            this.progressEvery = records;
            return this;
        }

        /** Starts reading on a new platform thread named after the consumer. */
        public ReplayConsumer start(Sink sink) {
            ReplayConsumer consumer = new ReplayConsumer(this, sink);
            consumer.thread = Thread.ofPlatform().name(name).daemon().start(consumer::run);
            return consumer;
        }
    }

    private final String name;
    private final String bootstrapServers;
    private final List<String> awaited;
    private final List<String> followed;
    private final List<NewTopic> created;
    private final Duration alignment;
    private final int progressEvery;
    private final Sink sink;
    private final Properties kafka = new Properties();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Set<String> skippedTypes = new HashSet<>();
    private final ConsumerLag lag;
    private final Stall stall;

    private volatile boolean stopping;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile long read;
    private volatile long malformed;

    // owned by the consumer thread
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final Map<TopicPartition, Long> positionsView = Collections.unmodifiableMap(positions);
    /** The timestamp of the latest record read from each partition. */
    private final Map<TopicPartition, Long> heads = new HashMap<>();
    private Map<TopicPartition, Long> target;
    private boolean topicsCreated;
    private long catchUpStart;
    private long progressLoggedAt;
    private long lastTopicCheck;

    private ReplayConsumer(Builder b, Sink sink) {
        this.name = b.name;
        this.stall = new Stall(b.name);
        this.bootstrapServers = b.bootstrapServers;
        this.awaited = List.copyOf(b.awaited);
        this.followed = List.copyOf(b.followed);
        this.created = List.copyOf(b.created);
        this.alignment = b.alignment;
        this.progressEvery = b.progressEvery;
        // no group: every instance reads everything; the consumer's name stands for it
        this.lag = new ConsumerLag(b.name);
        this.sink = sink;
        kafka.putAll(KafkaClients.connection(bootstrapServers));
        kafka.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a position deleted by retention or compaction: go on from the oldest record left
        kafka.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        kafka.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        kafka.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        kafka.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(b.maxPollRecords));
        kafka.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(b.fetchMaxBytes));
        kafka.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(b.partitionFetchBytes));
        // while Kafka is down: retry connecting every 2 s at most, not in a tight loop
        kafka.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "200");
        kafka.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        kafka.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        kafka.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    }

    /**
     * Stops reading and returns within about {@code timeout}. Wakes the consumer rather than
     * interrupting the thread: an interrupt would close the files a sink may be writing.
     */
    public void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        stopRequested.countDown(); // ends a retry wait
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup(); // ends a poll or metadata wait
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread() && !stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("%s did not stop within %s", name, timeout);
        }
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Records read since the start, applied or not. */
    public long eventsRead() {
        return read;
    }

    /** Records skipped as malformed since the start. */
    public long malformed() {
        return malformed;
    }

    private void run() {
        try {
            while (!stopping) {
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer = c;
                    if (!stopping) { // stop() may have missed this consumer
                        if (!topicsCreated) {
                            Topics.createIfMissing(bootstrapServers, created);
                            topicsCreated = true;
                        }
                        consume(c);
                    }
                } catch (WakeupException e) {
                    // stop() was called
                } catch (KafkaException e) {
                    if (!stopping) {
                        LOG.warnf("%s: Kafka at %s: %s; retrying in %s", name, bootstrapServers, e.getMessage(), RETRY);
                        pause(RETRY);
                    }
                } finally {
                    consumer = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "%s failed; it stops following %s", name, topics());
        } finally {
            sink.stopped(positionsView);
            stopped.countDown();
        }
    }

    private List<String> topics() {
        List<String> all = new ArrayList<>(awaited);
        all.addAll(followed);
        return all;
    }

    private void consume(KafkaConsumer<String, byte[]> c) throws IOException {
        List<TopicPartition> assigned = new ArrayList<>();
        for (String topic : awaited) {
            List<TopicPartition> partitions = awaitTopic(c, topic);
            if (partitions.isEmpty()) {
                return; // stopping
            }
            assigned.addAll(partitions);
        }
        List<String> missing = new ArrayList<>();
        for (String topic : followed) {
            List<TopicPartition> partitions = partitions(c, topic);
            if (partitions.isEmpty()) {
                missing.add(topic);
            }
            assigned.addAll(partitions);
        }
        if (!missing.isEmpty()) {
            LOG.infof("%s: topics %s do not exist yet: reading the others, checking for them every %s", name, missing,
                    TOPIC_CHECK);
        }
        assign(c, assigned);
        while (!stopping) {
            stall.applyTo(c);
            ConsumerRecords<String, byte[]> records = c.poll(POLL);
            lag.update(c);
            Span span = live(records);
            try (Scope ignored = Tracing.activate(Context.root().with(span))) {
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(record);
                    heads.put(new TopicPartition(record.topic(), record.partition()), record.timestamp());
                }
                for (TopicPartition p : assigned) {
                    positions.put(p, c.position(p));
                }
                afterBatch(c, records.count());
            } catch (IOException | RuntimeException e) {
                Tracing.failed(span, e);
                throw e;
            } finally {
                span.end();
            }
            if (alignment != null) {
                align(c, assigned);
            }
            if (!missing.isEmpty() && System.nanoTime() - lastTopicCheck >= TOPIC_CHECK.toNanos()) {
                lastTopicCheck = System.nanoTime();
                for (String topic : List.copyOf(missing)) {
                    List<TopicPartition> appeared = partitions(c, topic);
                    if (!appeared.isEmpty()) {
                        LOG.infof("%s: topic %s appeared: reading it from the beginning", name, topic);
                        missing.remove(topic);
                        assigned.addAll(appeared);
                        assign(c, assigned);
                    }
                }
            }
        }
    }

    /**
     * Assigns the partitions, each at the position this run reached, else at the sink's stored
     * one, else at its beginning; the first time, takes the end offsets as the catch-up target.
     */
    private void assign(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) throws IOException {
        c.assign(partitions);
        Map<TopicPartition, Long> ends = c.endOffsets(partitions);
        Map<TopicPartition, Long> start = new HashMap<>(sink.stored(partitions));
        start.putAll(positions);
        start.keySet().retainAll(partitions);
        if (start.entrySet().stream().anyMatch(e -> e.getValue() > ends.getOrDefault(e.getKey(), 0L))) {
            LOG.warnf("%s: positions %s are past the end offsets %s: a topic was recreated; "
                    + "starting over from the beginning", name, start, ends);
            sink.startOver();
            positions.clear();
            heads.clear();
            start = Map.of();
            caughtUp = false;
            target = null;
        }
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition p : partitions) {
            Long position = start.get(p);
            if (position == null) {
                fresh.add(p);
            } else {
                c.seek(p, position);
            }
        }
        if (!fresh.isEmpty()) { // an empty list would mean every assigned partition
            c.seekToBeginning(fresh);
        }
        positions.putAll(start);
        if (target == null) {
            target = new HashMap<>(ends);
            catchUpStart = System.nanoTime();
            LOG.infof("%s: catching up on %s: %s", name, topics(), lag());
        } else if (!caughtUp) {
            ends.forEach(target::putIfAbsent); // a topic that appeared while catching up is caught up on too
        }
    }

    /**
     * Once caught up, a poll's records are applied in one span linked to each record's trace (a
     * catalog write links to the index update it caused); replaying history records no spans.
     */
    private Span live(ConsumerRecords<String, byte[]> records) {
        if (!caughtUp || records.isEmpty()) {
            return Span.getInvalid();
        }
        List<Context> sent = new ArrayList<>(records.count());
        Set<String> topics = new TreeSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            sent.add(Tracing.extract(record.headers()));
            topics.add(record.topic());
        }
        return Tracing.processingMany(topics, sent);
    }

    private void apply(ConsumerRecord<String, byte[]> record) throws IOException {
        read++;
        try {
            Envelope event = Envelope.of(record);
            if (!sink.apply(event)) {
                String type = event.type().substring(0, Math.min(event.type().length(), 100));
                if (skippedTypes.size() < 100 && skippedTypes.add(type)) {
                    LOG.infof("%s: skipping events of type '%s' on %s (not used here)", name, type, record.topic());
                }
            }
        } catch (MalformedEvent e) {
            malformed++;
            LOG.warnf("%s: skipping malformed event at %s-%d@%d (key %s): %s", name, record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
        }
    }

    private void afterBatch(KafkaConsumer<String, byte[]> c, int records) throws IOException {
        sink.afterBatch(positionsView, records, caughtUp);
        if (caughtUp) {
            return;
        }
        long now = System.nanoTime();
        double seconds = Math.max((now - catchUpStart) / 1e9, 0.001);
        if (target.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
            String state = sink.caughtUp(positionsView);
            caughtUp = true;
            LOG.infof("%s: caught up in %.1f s (%,.0f events/s): %s; ready", name, seconds, read / seconds, state);
        } else if (read - progressLoggedAt >= progressEvery) {
            progressLoggedAt = read;
            LOG.infof("%s: catching up: %,d events read, %,.0f events/s, %s", name, read, read / seconds, lag());
        }
    }

    /**
     * While catching up, pauses the partitions too far ahead in time of the slowest one not yet at
     * its target; resumes everything once caught up.
     */
    private void align(KafkaConsumer<String, byte[]> c, List<TopicPartition> assigned) {
        if (caughtUp) {
            if (!c.paused().isEmpty()) {
                c.resume(c.paused());
            }
            return;
        }
        long slowest = Long.MAX_VALUE;
        for (TopicPartition p : assigned) {
            if (positions.getOrDefault(p, 0L) < target.getOrDefault(p, 0L)) {
                slowest = Math.min(slowest, heads.getOrDefault(p, Long.MIN_VALUE));
            }
        }
        List<TopicPartition> ahead = new ArrayList<>();
        List<TopicPartition> behind = new ArrayList<>();
        for (TopicPartition p : assigned) {
            long head = heads.getOrDefault(p, Long.MIN_VALUE);
            if (slowest != Long.MAX_VALUE && slowest != Long.MIN_VALUE && head > slowest + alignment.toMillis()) {
                ahead.add(p);
            } else {
                behind.add(p);
            }
        }
        c.pause(ahead);
        c.resume(behind);
    }

    /** An awaited topic's partitions, once it exists; empty if stopped first. */
    private List<TopicPartition> awaitTopic(KafkaConsumer<String, byte[]> c, String topic) {
        boolean logged = false;
        while (!stopping) {
            List<TopicPartition> partitions = partitions(c, topic);
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (!logged) {
                LOG.infof("%s: waiting for topic %s to exist; not ready until it does", name, topic);
                logged = true;
            }
            pause(RETRY);
        }
        return List.of();
    }

    /** A topic's partitions; empty while it does not exist (a missing topic is not an error). */
    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c, String topic) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null) {
            return List.of();
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private String lag() {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
            lag += Math.max(0, e.getValue() - positions.getOrDefault(e.getKey(), 0L));
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
