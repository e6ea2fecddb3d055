package org.emporium.platform.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * A consumer-group loop for commands and replies, on a platform thread of its own: each record is
 * read as an {@link Envelope} and handed to the {@link Handler}, in order per partition, and
 * offsets are committed after the handler returns. At least once, by design: a crash redelivers, so handlers must be idempotent
 * (every saga participant is, by its correlation id).
 *
 * <ul>
 *   <li>A record that is no CloudEvent, or one the handler finds {@link MalformedEvent} or throws
 *       {@link Refused} for (conflicting, unknown id), can never be applied: it is logged and
 *       skipped.</li>
 *   <li>Any other exception (a database down) rewinds the partition to that record and retries it
 *       after a backoff, so the records of one key are never applied out of order.</li>
 *   <li>Kafka down: poll and commit fail; the loop backs off (200 ms → 5 s, jitter), recreates the
 *       consumer and tries again; it never gives up and never spins.</li>
 *   <li>The topics are created if missing (same specs as {@code emporium.outbox.topics}: whichever
 *       of producer and consumer starts first creates it), so a consumer can start before the
 *       service that publishes.</li>
 *   <li>Each record is processed in a span of its own, a child of the trace its headers carry
 *       ({@link Tracing}): the handler's log lines and outbox rows continue that trace.</li>
 * </ul>
 */
public final class ConsumerLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** Applies one event; returns normally once its effect is durable. */
    @FunctionalInterface
    public interface Handler {
        void handle(Envelope event) throws MalformedEvent;
    }

    /**
     * Applies a whole poll at once, typically in one database transaction: one commit (one
     * fsync, one relay wake-up) for many records. Throwing anything rewinds every partition to
     * the start of the batch and retries it after a backoff, so the handler must apply all or
     * nothing; events it cannot read it leaves out itself (records that are no CloudEvent never
     * reach it).
     */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(List<Envelope> events);
    }

    /** A record that can never be applied: logged with its reason and skipped. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param name            names the thread and the log lines
     * @param groupId         the consumer group: instances of a service share the partitions
     * @param topics          topic specs {@code name[:partitions][:compact]}
     * @param maxPollRecords  the batch size
     */
    public record Settings(String name, String bootstrapServers, String groupId, List<String> topics,
                           int maxPollRecords) {
    }

    private final Settings settings;
    private final List<TopicSpec> topics;
    private final List<String> topicNames;
    private final Handler handler;
    private final BatchHandler batchHandler;
    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final ConsumerLag lag;
    private volatile boolean stopping;
    private final Stall stall;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private boolean topicsReady;
    private Thread thread;

    private ConsumerLoop(Settings settings, Handler handler, BatchHandler batchHandler) {
        this.settings = settings;
        this.topics = settings.topics().stream().map(TopicSpec::parse).toList();
        this.topicNames = topics.stream().map(TopicSpec::name).toList();
        this.handler = handler;
        this.batchHandler = batchHandler;
        this.lag = new ConsumerLag(settings.groupId());
        this.stall = new Stall(settings.name());
    }

    /** Whether it is stalled on purpose now ({@code ./emporium chaos stall}): consuming nothing, keeping its partitions. */
    public boolean stalled() {
        return stall.active();
    }

    /** Records behind each assigned partition's end, as of the last poll (also the gauge emporium_kafka_consumer_lag_records). */
    public Map<TopicPartition, Long> lag() {
        return lag.current();
    }

    /** Starts consuming on a new platform thread, one record at a time. */
    public static ConsumerLoop start(Settings settings, Handler handler) {
        return begin(new ConsumerLoop(settings, handler, null));
    }

    /** Starts consuming on a new platform thread, a poll's records at a time. */
    public static ConsumerLoop startBatched(Settings settings, BatchHandler handler) {
        return begin(new ConsumerLoop(settings, null, handler));
    }

    private static ConsumerLoop begin(ConsumerLoop loop) {
        loop.thread = Thread.ofPlatform().name(loop.settings.name()).daemon().start(loop::run);
        return loop;
    }

    /** Wakes the consumer, lets the record in hand finish, and joins the thread (10 s at most). */
    @Override
    public void close() {
        stopping = true;
        stopRequested.countDown();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (!thread.join(Duration.ofSeconds(10))) {
                LOG.warnf("%s did not stop within 10 s", settings.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        boolean failing = false;
        while (!stopping) {
            try {
                if (!topicsReady) {
                    Topics.createIfMissing(settings.bootstrapServers(), topics.stream().map(TopicSpec::newTopic).toList());
                    topicsReady = true;
                }
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties(), new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer = c;
                    if (stopping) {
                        return; // close() may have missed this consumer
                    }
                    c.subscribe(topicNames, new ConsumerRebalanceListener() {
                        @Override
                        public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                        }

                        @Override
                        public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                            if (stall.active()) {
                                c.pause(partitions); // before the poll that assigned them returns their records
                            }
                        }
                    });
                    while (!stopping) {
                        stall.applyTo(c);
                        ConsumerRecords<String, byte[]> records = c.poll(POLL);
                        lag.update(c);
                        boolean retry = process(c, records);
                        if (failing && !records.isEmpty()) {
                            LOG.infof("%s: consuming works again", settings.name());
                            failing = false;
                        }
                        if (retry) {
                            pause();
                        } else {
                            backoff.reset();
                        }
                    }
                } finally {
                    consumer = null;
                }
            } catch (WakeupException e) {
                // close() was called
            } catch (RuntimeException e) {
                if (!stopping) {
                    if (!failing) {
                        LOG.warnf("%s: consuming %s from Kafka at %s failed: %s; retrying with backoff",
                                settings.name(), settings.topics(), settings.bootstrapServers(), e.toString());
                        failing = true;
                    }
                    pause();
                }
            }
        }
    }

    /** Applies a batch in order per partition, commits what was applied; true when a record must be retried. */
    private boolean process(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        if (batchHandler != null) {
            return processBatch(c, records);
        }
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        boolean retry = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (stopping) {
                    break; // the rest is redelivered to whoever consumes next
                }
                Span span = Span.getInvalid();
                try {
                    Envelope event = Envelope.of(record);
                    span = processing(record, event);
                    try (Scope ignored = event.activate()) {
                        handler.handle(event);
                    }
                } catch (MalformedEvent | Refused e) {
                    skipping(record, e.getMessage());
                } catch (RuntimeException e) {
                    Tracing.failed(span, e);
                    LOG.warnf("%s: applying %s@%d failed: %s; retrying it", settings.name(), partition,
                            record.offset(), e.toString());
                    c.seek(partition, record.offset());
                    retry = true;
                    break;
                } finally {
                    span.end();
                }
                applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!applied.isEmpty()) {
            c.commitSync(applied);
        }
        return retry;
    }

    private boolean processBatch(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty() || stopping) {
            return false;
        }
        List<Envelope> batch = new ArrayList<>(records.count());
        List<Span> spans = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Envelope event = Envelope.of(record);
                spans.add(processing(record, event));
                batch.add(event);
            } catch (MalformedEvent e) {
                skipping(record, e.getMessage());
            }
        }
        try {
            if (!batch.isEmpty()) {
                batchHandler.handle(batch);
            }
        } catch (RuntimeException e) {
            spans.forEach(span -> Tracing.failed(span, e));
            LOG.warnf("%s: applying a batch of %d records failed: %s; retrying it", settings.name(), records.count(),
                    e.toString());
            for (TopicPartition partition : records.partitions()) {
                c.seek(partition, records.records(partition).getFirst().offset());
            }
            return true;
        } finally {
            spans.forEach(Span::end);
        }
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            applied.put(partition, new OffsetAndMetadata(records.records(partition).getLast().offset() + 1));
        }
        c.commitSync(applied);
        return false;
    }

    /** Starts the record's span, a child of the trace it carries, and makes it the event's context. */
    private Span processing(ConsumerRecord<String, byte[]> record, Envelope event) {
        Span span = Tracing.processing(record, event.sentContext(), settings.groupId(), event.type());
        event.processedIn(event.sentContext().with(span));
        return span;
    }

    private void skipping(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("%s: skipping %s-%d@%d (key %s): %s", settings.name(), record.topic(), record.partition(),
                record.offset(), record.key(), reason);
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(KafkaClients.connection(settings.bootstrapServers()));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.name());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a new group starts at the beginning: what was sent before this service first ran still counts
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.maxPollRecords()));
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "200");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        // a restarted instance rejoins quickly; a dead one is noticed within the session timeout
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        return p;
    }

    private void pause() {
        try {
            stopRequested.await(backoff.nextMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
