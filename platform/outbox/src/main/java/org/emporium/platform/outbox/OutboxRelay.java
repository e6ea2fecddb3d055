package org.emporium.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.messaging.Backoff;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.KafkaClients;
import org.emporium.platform.messaging.TopicSpec;
import org.emporium.platform.messaging.Topics;
import org.emporium.platform.messaging.Tracing;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and deletes them once Kafka has
 * acknowledged every one of a batch. One thread; one relay per database is active at a time
 * (a Postgres advisory lock elects it), so several instances of a service never race.
 *
 * <p>Deleting is deferred by {@code deleteDelay}: the ids published since the last delete are
 * remembered and left out of every read, and deleted in one statement once the oldest of them has
 * waited that long (or a batch's worth has gathered, or the relay stops). Under load one delete
 * (one commit, one WAL flush) then serves many rounds instead of one per round.
 *
 * <p>Delivery is at least once: if the relay dies between Kafka's acknowledgement and the delete
 * (up to {@code deleteDelay} of rows), those rows are sent again, so consumers must be idempotent. Order per key holds (each event's first
 * arrival comes after those of the events before it) because rows are read in id order, the
 * producer is idempotent (no reordering or gaps on its retries), it never gives a record up (so a
 * later record cannot land without an earlier one), and a failed batch is sent again from its
 * first row.
 *
 * <p>While Kafka or Postgres is down it keeps trying with exponential backoff; rows simply wait.
 * When idle it blocks on a Postgres notification sent by the outbox trigger at commit, so a new
 * event leaves within milliseconds and an idle relay costs nothing.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant: the same in every instance of every service (each has its own database). */
    private static final long LEADER_LOCK = 0x0B7B0C5L;
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);

    /** What the relay needs to know; see META-INF/microprofile-config.properties for defaults. */
    public record Settings(String service, String bootstrapServers, List<String> topics, int batchSize,
                           Duration idleWait, Duration deleteDelay, Duration minBackoff, Duration maxBackoff) {
    }

    private final DataSource dataSource;
    private final Settings settings;
    private final List<NewTopic> topics;
    private final Backoff backoff;
    private final Object sleeper = new Object();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    // owned by the relay thread only
    private Producer<String, byte[]> producer;
    private Connection listener;
    private boolean leader;
    private boolean topicsCreated;
    private long failingSinceNanos;
    private long lastWarningNanos;
    /** Published and acknowledged, not yet deleted: left out of every read until they are. */
    private final List<Long> publishedNotDeleted = new ArrayList<>();
    private long oldestPublishedNanos;

    public OutboxRelay(DataSource dataSource, Settings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.topics = settings.topics().stream().filter(t -> !t.isBlank()).map(TopicSpec::parse)
                .map(TopicSpec::newTopic).toList();
        this.backoff = new Backoff(settings.minBackoff(), settings.maxBackoff());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::run);
    }

    /** Events acknowledged by Kafka since start. */
    public long published() {
        return published.get();
    }

    /** Failed attempts since start (each followed by a backoff). */
    public long failures() {
        return failures.get();
    }

    /** Stops within about a second; rows not yet sent stay in the table for the next start. */
    @Override
    public void close() {
        Thread relay;
        synchronized (this) {
            running = false;
            relay = thread;
        }
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        if (relay != null) {
            try {
                relay.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (running) {
                try {
                    if (!lead()) {
                        pause(settings.idleWait().multipliedBy(2).toMillis());
                        continue;
                    }
                    createTopics();
                    List<Row> batch = fetch();
                    if (batch.isEmpty()) {
                        if (deleteDue()) {
                            deletePublished();
                        }
                        awaitCommit();
                        continue;
                    }
                    publish(batch);
                    remember(batch);
                    published.addAndGet(batch.size());
                    if (deleteDue() || publishedNotDeleted.size() >= settings.batchSize()) {
                        deletePublished();
                    }
                    recovered();
                } catch (Exception e) {
                    if (!running) {
                        break;
                    }
                    failed(e);
                    pause(backoff.nextMillis());
                }
            }
        } finally {
            deleteOnStop();
            closeProducer();
            closeListener();
        }
    }

    /** Takes (or keeps) the relay role; the lock lives as long as the listening connection. */
    private boolean lead() throws SQLException {
        if (listener == null || listener.isClosed()) {
            leader = false;
            listener = dataSource.getConnection();
            listener.setAutoCommit(true);
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN outbox_event");
            }
        }
        if (!leader) {
            try (Statement s = listener.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LEADER_LOCK + ")")) {
                rs.next();
                leader = rs.getBoolean(1);
                if (leader) {
                    LOG.infof("outbox relay active, publishing to %s", settings.bootstrapServers());
                }
            }
        }
        return leader;
    }

    /** The service owns its topics: create them with their partitions and retention if missing. */
    private void createTopics() {
        if (!topicsCreated) {
            Topics.createIfMissing(settings.bootstrapServers(), topics);
            topicsCreated = true;
        }
    }

    private List<Row> fetch() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, topic, message_key, payload, traceparent, tracestate, created_at FROM outbox_event"
                             + " WHERE id <> ALL (?) ORDER BY id LIMIT ?")) {
            // not by "id > the last published": a transaction that took a lower id may commit later
            s.setArray(1, c.createArrayOf("bigint", publishedNotDeleted.toArray()));
            s.setInt(2, settings.batchSize());
            try (ResultSet rs = s.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            trace(rs.getString(5), rs.getString(6)), rs.getTimestamp(7).toInstant()));
                }
                return rows;
            }
        }
    }

    /**
     * Sends the batch and waits until Kafka has acknowledged every record of it. Each row that was
     * written inside a trace is sent in a "publish" span of that trace, from the row's creation
     * to Kafka's acknowledgement, and carries the span's context as headers.
     */
    private void publish(List<Row> batch) throws Exception {
        Producer<String, byte[]> out = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Tracing.Publication> spans = new ArrayList<>(batch.size());
        try {
            for (Row row : batch) {
                Tracing.Publication span = Tracing.publishing(row.topic(), row.key(), row.trace(), row.createdAt());
                spans.add(span);
                Future<RecordMetadata> ack = out.send(Envelope.record(row.topic(), row.key(),
                        row.payload().getBytes(StandardCharsets.UTF_8), span.headers()));
                if (ack.isDone()) {
                    // done at once means refused at once (no metadata while Kafka is down): every
                    // further send would wait as long again, so stop here and back off
                    ack.get();
                }
                acks.add(ack);
            }
            for (Future<RecordMetadata> ack : acks) {
                awaitAcknowledgement(ack);
            }
        } catch (Exception e) {
            spans.forEach(span -> span.failed(e));
            throw e;
        }
        spans.forEach(Tracing.Publication::end);
    }

    private static Map<String, String> trace(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Map.of();
        }
        return tracestate == null ? Map.of("traceparent", traceparent)
                : Map.of("traceparent", traceparent, "tracestate", tracestate);
    }

    /**
     * Waits for as long as Kafka takes: the producer keeps retrying the record by itself, and
     * giving up on it while later records of the batch are still in flight could land those
     * without it. Every stall of {@code maxBackoff} counts and logs as a failure, so an outage
     * shows; closing the relay ends the wait.
     */
    private void awaitAcknowledgement(Future<RecordMetadata> ack) throws Exception {
        while (true) {
            try {
                ack.get(settings.maxBackoff().toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stalled) {
                if (!running) {
                    throw stalled;
                }
                noteFailure(new TimeoutException("no acknowledgement from Kafka within " + settings.maxBackoff()));
            }
        }
    }

    private void remember(List<Row> batch) {
        if (publishedNotDeleted.isEmpty()) {
            oldestPublishedNanos = System.nanoTime();
        }
        batch.forEach(row -> publishedNotDeleted.add(row.id()));
    }

    private boolean deleteDue() {
        return !publishedNotDeleted.isEmpty() && System.nanoTime() - oldestPublishedNanos >= settings.deleteDelay().toNanos();
    }

    /** Deletes every row published so far, in one statement (one commit). */
    private void deletePublished() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", publishedNotDeleted.toArray()));
            s.executeUpdate();
        }
        publishedNotDeleted.clear();
    }

    /** A clean stop sends nothing twice: what was published is deleted now (best effort). */
    private void deleteOnStop() {
        if (!publishedNotDeleted.isEmpty()) {
            try {
                deletePublished();
            } catch (SQLException | RuntimeException e) {
                LOG.infof("outbox relay stopping: %d published rows stay and are sent again by the next relay (%s)",
                        publishedNotDeleted.size(), describe(e));
            }
        }
    }

    /** Blocks until a transaction with events commits, the idle wait passes, or a delete is due. */
    private void awaitCommit() throws SQLException {
        long waitNanos = settings.idleWait().toNanos();
        if (!publishedNotDeleted.isEmpty()) {
            long untilDue = oldestPublishedNanos + settings.deleteDelay().toNanos() - System.nanoTime();
            waitNanos = Math.min(waitNanos, untilDue);
        }
        int millis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos));
        listener.unwrap(PGConnection.class).getNotifications(millis);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.putAll(KafkaClients.connection(settings.bootstrapServers()));
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-" + settings.service());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            // no duplicates or reordering from the producer's own retries
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            // fail fast while Kafka is down; the relay's own backoff decides when to try again
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            // a record is never given up (see awaitAcknowledgement): an expired batch makes the
            // idempotent producer start new sequences, and the records after it could land first
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
            properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    private void recovered() {
        backoff.reset();
        if (failingSinceNanos != 0) {
            LOG.infof("outbox relay recovered after %d s", Duration.ofNanos(System.nanoTime() - failingSinceNanos).toSeconds());
            failingSinceNanos = 0;
        }
    }

    private void failed(Exception e) {
        noteFailure(e);
        if (e instanceof SQLException) {
            closeListener();
        } else if (!(e.getCause() instanceof RetriableException)) {
            // not Kafka being away: the producer may be in an error state, start from a fresh
            // one (the records it had not sent are sent again from the batch's first row)
            closeProducer();
        }
    }

    /** Counts a failure; logs the first and then one line per interval, not one per attempt. */
    private void noteFailure(Exception e) {
        failures.incrementAndGet();
        long now = System.nanoTime();
        if (failingSinceNanos == 0) {
            failingSinceNanos = now;
            lastWarningNanos = now;
            LOG.warnf("outbox relay cannot publish, will keep trying: %s", describe(e));
        } else if (now - lastWarningNanos > WARN_EVERY.toNanos()) {
            lastWarningNanos = now;
            LOG.warnf("outbox relay still failing after %d s: %s",
                    Duration.ofNanos(now - failingSinceNanos).toSeconds(), describe(e));
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private void pause(long millis) {
        synchronized (sleeper) {
            if (running) {
                try {
                    sleeper.wait(Math.max(1, millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    private void closeListener() {
        leader = false;
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                // the connection is gone either way
            }
            listener = null;
        }
    }

    private record Row(long id, String topic, String key, String payload, Map<String, String> trace,
                       Instant createdAt) {
    }
}
