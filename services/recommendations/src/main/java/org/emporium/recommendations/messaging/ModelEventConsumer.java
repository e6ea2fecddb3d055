package org.emporium.recommendations.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.emporium.recommendations.domain.RecommendationModel;
import org.jboss.logging.Logger;

/**
 * Feeds the model from its input topics, on a thread of its own (the model's single writer).
 *
 * <p>The model lives in memory only, so there is no consumer group and nothing is committed: every
 * instance assigns itself every partition of every input topic and reads from the earliest offset
 * at each start. "Caught up" means every partition has been read up to the end offsets seen when
 * reading began; until then the service reports not ready. Topics of other services may not exist
 * yet: a missing one counts as nothing to catch up on, and is looked for every
 * {@value #TOPIC_CHECK_SECONDS} s; when it appears it is read from the beginning, the others go on
 * where they were. The behaviour topic belongs to this service: it is created at start if missing.
 * A lost connection replaces the consumer, which resumes from the positions reached.
 *
 * <p>While catching up, partitions are kept in step by time: a partition whose latest record is
 * more than {@value #ALIGNMENT_SECONDS} s (record timestamp) ahead of the slowest unfinished
 * partition is paused until the others reach it. Without this, a replay would apply, say, the
 * cart topic long before the views that tie those carts to their shoppers, and build a different
 * model than the one built live.
 */
public final class ModelEventConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(ModelEventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final int PROGRESS_EVENTS = 100_000;
    static final int TOPIC_CHECK_SECONDS = 2;
    private static final Duration TOPIC_CHECK = Duration.ofSeconds(TOPIC_CHECK_SECONDS);
    static final int ALIGNMENT_SECONDS = 5;
    private static final long ALIGNMENT_MILLIS = ALIGNMENT_SECONDS * 1000L;

    private final RecommendationModel model;
    private final List<String> topics;
    private final NewTopic behaviourTopic;
    private final Properties kafka;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Set<String> skippedTypes = new HashSet<>();

    private volatile boolean stopping;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile long read;
    private volatile long malformed;

    // owned by the consumer thread
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    /** The timestamp of the latest record read from each partition. */
    private final Map<TopicPartition, Long> heads = new HashMap<>();
    private Map<TopicPartition, Long> target;
    private boolean behaviourTopicCreated;
    private long catchUpStart;
    private long progressLoggedAt;
    private long lastTopicCheck;

    /**
     * @param topics          every input topic, the behaviour topic among them
     * @param behaviourTopic  the one this service creates when missing
     */
    public ModelEventConsumer(RecommendationModel model, List<String> topics, NewTopic behaviourTopic,
                              String bootstrapServers) {
        this.model = model;
        this.topics = List.copyOf(topics);
        this.behaviourTopic = behaviourTopic;
        this.kafka = new Properties();
        kafka.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        kafka.put(ConsumerConfig.CLIENT_ID_CONFIG, "recommendations");
        kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        kafka.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a position deleted by retention: go on from the oldest left
        kafka.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        kafka.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        kafka.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // bounded fetch buffers: the heap is small and mostly the model's
        kafka.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        kafka.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(1024 * 1024));
        kafka.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "200");
        kafka.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        kafka.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        kafka.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    }

    /** Starts consuming on a new thread. */
    public void start() {
        Thread t = new Thread(this, "model-events");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops consuming and returns within about {@code timeout}. */
    public void stop(Duration timeout) throws InterruptedException {
        stopping = true;
        stopRequested.countDown();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread() && !stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("model event consumer did not stop within %s", timeout);
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

    /** Records skipped as unreadable since the start. */
    public long malformed() {
        return malformed;
    }

    @Override
    public void run() {
        try {
            LOG.infof("building the model from the beginning of %s", topics);
            while (!stopping) {
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(kafka, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer = c;
                    if (!stopping) { // stop() may have missed this consumer
                        createBehaviourTopic();
                        consume(c);
                    }
                } catch (WakeupException e) {
                    // stop() was called
                } catch (KafkaException | TimeoutException | ExecutionException e) {
                    if (!stopping) {
                        LOG.warnf("Kafka at %s: %s; retrying in %s", kafka.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                                e.getMessage(), RETRY);
                        pause(RETRY);
                    }
                } finally {
                    consumer = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "model event consumer failed; the model stops following %s", topics);
        } finally {
            stopped.countDown();
        }
    }

    private void createBehaviourTopic() throws InterruptedException, ExecutionException, TimeoutException {
        if (behaviourTopicCreated) {
            return;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(behaviourTopic)).all().get(15, TimeUnit.SECONDS);
            LOG.infof("created topic %s (%d partitions, %s)", behaviourTopic.name(), behaviourTopic.numPartitions(),
                    behaviourTopic.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        behaviourTopicCreated = true;
    }

    private void consume(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> assigned = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            List<TopicPartition> partitions = partitions(c, topic);
            if (partitions.isEmpty()) {
                missing.add(topic);
            }
            assigned.addAll(partitions);
        }
        if (!missing.isEmpty()) {
            LOG.infof("topics %s do not exist yet: reading the others, checking for them every %s", missing, TOPIC_CHECK);
        }
        assign(c, assigned);
        if (target == null) {
            target = c.endOffsets(assigned);
            catchUpStart = System.nanoTime();
            LOG.infof("catching up: %s", lag(c));
        }
        while (!stopping) {
            ConsumerRecords<String, byte[]> records = c.poll(POLL);
            for (ConsumerRecord<String, byte[]> record : records) {
                apply(record);
                heads.put(new TopicPartition(record.topic(), record.partition()), record.timestamp());
            }
            for (TopicPartition p : assigned) {
                positions.put(p, c.position(p));
            }
            afterBatch(c);
            align(c, assigned);
            if (!missing.isEmpty() && System.nanoTime() - lastTopicCheck >= TOPIC_CHECK.toNanos()) {
                lastTopicCheck = System.nanoTime();
                for (String topic : List.copyOf(missing)) {
                    List<TopicPartition> appeared = partitions(c, topic);
                    if (!appeared.isEmpty()) {
                        LOG.infof("topic %s appeared: reading it from the beginning", topic);
                        missing.remove(topic);
                        assigned.addAll(appeared);
                        assign(c, assigned);
                    }
                }
            }
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
            if (slowest != Long.MAX_VALUE && slowest != Long.MIN_VALUE && head > slowest + ALIGNMENT_MILLIS) {
                ahead.add(p);
            } else {
                behind.add(p);
            }
        }
        c.pause(ahead);
        c.resume(behind);
    }

    /** Assigns the partitions, each at the position reached so far, else at its beginning. */
    private void assign(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
        c.assign(partitions);
        List<TopicPartition> fresh = new ArrayList<>();
        for (TopicPartition p : partitions) {
            Long position = positions.get(p);
            if (position == null) {
                fresh.add(p);
            } else {
                c.seek(p, position);
            }
        }
        c.seekToBeginning(fresh);
    }

    private void afterBatch(KafkaConsumer<String, byte[]> c) {
        long now = System.nanoTime();
        model.maintain(now);
        if (caughtUp) {
            return;
        }
        if (target.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
            model.publishPopularity();
            caughtUp = true;
            double seconds = (now - catchUpStart) / 1e9;
            LOG.infof("caught up in %.1f s (%,.0f events/s): %s; ready", seconds, read / Math.max(seconds, 0.001),
                    model.describe());
        } else if (read - progressLoggedAt >= PROGRESS_EVENTS) {
            progressLoggedAt = read;
            double seconds = (now - catchUpStart) / 1e9;
            LOG.infof("catching up: %,d events read, %,.0f events/s, %s", read, read / Math.max(seconds, 0.001), lag(c));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        read++;
        try {
            EventParser.Parsed parsed = EventParser.parse(record.value());
            if (parsed.event() != null) {
                model.apply(parsed.event());
            } else if (skippedTypes.size() < 100 && skippedTypes.add(parsed.type())) {
                LOG.infof("skipping events of type '%s' on %s (not used by recommendations)", parsed.type(),
                        record.topic());
            }
        } catch (MalformedEvent e) {
            malformed++;
            LOG.warnf("skipping malformed event at %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
        }
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
