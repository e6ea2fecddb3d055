package org.emporium.inventory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.inventory.domain.InvalidReservation;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationConflict;
import org.emporium.inventory.domain.ReservationLines;
import org.emporium.inventory.persistence.ReservationRepository;
import org.jboss.logging.Logger;

/**
 * Applies the checkout saga's commands, on a platform thread of its own, in consumer group
 * {@code inventory} (instances share the partitions). The reply to a command is the event it
 * causes on inventory.stock.v1, written by the same transaction as the change.
 *
 * <p>Offsets are committed after the transactions of a batch, so a crash redelivers commands;
 * that is harmless because every operation is idempotent by reservation id, and a command that
 * finds its work done changes nothing and publishes nothing (its reply is already on its way).
 * A command the service refuses (malformed, conflicting, unknown reservation) is logged and
 * skipped: no retry could change the answer. A database failure is retried from the same
 * record after a backoff, so commands of one reservation are never applied out of order.
 *
 * <p>Kafka down: poll and commit fail or return nothing; the loop backs off (200 ms → 5 s, with
 * jitter), recreates the consumer and tries again; it never gives up and never spins.
 */
@ApplicationScoped
public class InventoryCommandConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(InventoryCommandConsumer.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final long MIN_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final ReservationRepository reservations;
    private final ObjectMapper json;
    private final boolean enabled;
    private final String topic;
    private final int partitions;
    private final String bootstrapServers;
    private final Duration defaultTtl;
    private final Duration minTtl;
    private final Duration maxTtl;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    private volatile boolean stopping;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private boolean topicReady;
    private long backoffMs = MIN_BACKOFF_MS;

    public InventoryCommandConsumer(ReservationRepository reservations, ObjectMapper json,
                                    @ConfigProperty(name = "emporium.inventory.commands.enabled") boolean enabled,
                                    @ConfigProperty(name = "emporium.inventory.commands.topic") String topic,
                                    @ConfigProperty(name = "emporium.inventory.commands.partitions") int partitions,
                                    @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers,
                                    @ConfigProperty(name = "emporium.inventory.reservation-ttl") Duration defaultTtl,
                                    @ConfigProperty(name = "emporium.inventory.reservation-ttl-min") Duration minTtl,
                                    @ConfigProperty(name = "emporium.inventory.reservation-ttl-max") Duration maxTtl) {
        this.reservations = reservations;
        this.json = json;
        this.enabled = enabled;
        this.topic = topic;
        this.partitions = partitions;
        this.bootstrapServers = bootstrapServers;
        this.defaultTtl = defaultTtl;
        this.minTtl = minTtl;
        this.maxTtl = maxTtl;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        if (enabled) {
            thread = Thread.ofPlatform().name("inventory-commands").daemon().start(this);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        stopRequested.countDown(); // ends a backoff wait
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup(); // ends a poll
        }
        if (thread != null && !thread.join(Duration.ofSeconds(10))) {
            LOG.warn("the command consumer did not stop within 10 s");
        }
    }

    @Override
    public void run() {
        boolean failing = false;
        while (!stopping) {
            try {
                createTopicIfMissing();
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties(), new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    consumer = c;
                    if (stopping) {
                        return; // stop() may have missed this consumer
                    }
                    c.subscribe(List.of(topic));
                    while (!stopping) {
                        ConsumerRecords<String, byte[]> records = c.poll(POLL);
                        boolean retry = process(c, records);
                        if (failing && !records.isEmpty()) {
                            LOG.infof("consuming %s works again", topic);
                            failing = false;
                        }
                        if (retry) {
                            pause();
                        } else {
                            backoffMs = MIN_BACKOFF_MS;
                        }
                    }
                } finally {
                    consumer = null;
                }
            } catch (WakeupException e) {
                // stop() was called
            } catch (RuntimeException e) {
                if (!stopping) {
                    if (!failing) {
                        LOG.warnf("consuming %s from Kafka at %s failed: %s; retrying with backoff",
                                topic, bootstrapServers, e.toString());
                        failing = true;
                    }
                    pause();
                }
            }
        }
    }

    /**
     * Applies a batch in order per partition and commits what was applied. On a database failure
     * the partition is rewound to the failed record; answers true so the caller backs off.
     */
    private boolean process(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        boolean retry = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    apply(record);
                } catch (RuntimeException e) {
                    LOG.warnf("applying the command at %s@%d failed: %s; retrying it", partition, record.offset(),
                            e.toString());
                    c.seek(partition, record.offset());
                    retry = true;
                    break;
                }
                applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!applied.isEmpty()) {
            c.commitSync(applied);
        }
        return retry;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        InventoryCommand command;
        try {
            command = InventoryCommand.parse(json, record.value());
        } catch (InventoryCommand.Malformed e) {
            skip(record, e.getMessage());
            return;
        }
        try {
            Optional<Reservation> outcome = switch (command) {
                case InventoryCommand.ReserveStock r -> Optional.of(reservations.reserve(r.reservationId(),
                        ReservationLines.normalize(r.lines()), ttl(r.ttlSeconds())));
                case InventoryCommand.CommitReservation r -> reservations.commit(r.reservationId());
                case InventoryCommand.ReleaseReservation r -> reservations.release(r.reservationId());
            };
            if (outcome.isEmpty()) {
                skip(record, "no reservation with id " + command.reservationId());
            }
        } catch (InvalidReservation e) {
            skip(record, e.field() + ": " + e.getMessage());
        } catch (ReservationConflict e) {
            skip(record, e.getMessage());
        }
    }

    private Duration ttl(Integer seconds) {
        if (seconds == null) {
            return defaultTtl;
        }
        Duration ttl = Duration.ofSeconds(seconds);
        if (ttl.compareTo(minTtl) < 0 || ttl.compareTo(maxTtl) > 0) {
            throw new InvalidReservation("ttlSeconds", "must be between " + minTtl.toSeconds() + " and " + maxTtl.toSeconds());
        }
        return ttl;
    }

    private void skip(ConsumerRecord<String, byte[]> record, String why) {
        LOG.warnf("skipping the command at %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                record.offset(), record.key(), why);
    }

    /** This service consumes the topic, so it owns it and creates it; an existing one is kept as is. */
    private void createTopicIfMissing() {
        if (topicReady) {
            return;
        }
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(15, TimeUnit.SECONDS);
            LOG.infof("created topic %s with %d partitions", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("creating topic " + topic + " failed", e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + topic + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
        topicReady = true;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "inventory");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a new group starts at the beginning: commands sent before inventory first ran still count
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "200");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return p;
    }

    /** Exponential backoff with jitter, cut short by stop(). */
    private void pause() {
        long delay = backoffMs / 2 + ThreadLocalRandom.current().nextLong(backoffMs / 2 + 1);
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        try {
            stopRequested.await(delay, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
