package org.emporium.recommendations.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.KafkaClients;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.platform.messaging.ReplayConsumer;
import org.emporium.recommendations.domain.RecommendationModel;
import org.emporium.recommendations.persistence.ModelSnapshots;
import org.jboss.logging.Logger;

/**
 * Feeds the model from its input topics through the platform's {@link ReplayConsumer}, on a thread
 * of its own (the model's single writer). The model lives in memory: every instance reads every
 * partition and is ready once caught up, from the earliest offsets or, when its data directory has
 * a usable snapshot of the model, from the positions stored with it. Topics of other services may not exist yet and are read once they appear; the
 * behaviour topic belongs to this service and is created at start if missing. The seeded history's
 * topic, when followed, is read like the others (its events are the producers' own types); the
 * {@link HistorySeeder} creates it when it publishes.
 *
 * <p>While catching up, partitions are kept in step by time: a partition whose latest record is
 * more than {@value #ALIGNMENT_SECONDS} s (record timestamp) ahead of the slowest unfinished
 * partition is paused until the others reach it. Without this, a replay would apply, say, the
 * cart topic long before the views that tie those carts to their shoppers, and build a different
 * model than the one built live.
 *
 * <p><b>Snapshots</b> ({@link ModelSnapshots}), written on this thread between polls, so the model
 * does not change meanwhile (requests go on being answered; events wait): after catching up when
 * at least {@value #CATCH_UP_SNAPSHOT_RECORDS} records were read since the snapshot the start
 * resumed from (or none), then every {@code interval} when records were read since the last one,
 * and when the consumer stops. The first snapshot is loaded when the consumer first asks for
 * stored positions, on this thread, before anything is applied. Positions past a topic's end (a
 * topic recreated) make the consumer start over: the model is emptied, the snapshots deleted.
 * Snapshots of another Kafka cluster (its id) are not used. A snapshot that cannot be written is
 * logged and tried again an interval later; the consumer goes on.
 */
public final class ModelEventConsumer implements ReplayConsumer.Sink {

    static final int ALIGNMENT_SECONDS = 5;
    /** A replay at least this long is saved right after catching up; a shorter one waits for the interval. */
    static final int CATCH_UP_SNAPSHOT_RECORDS = 10_000;
    private static final Logger LOG = Logger.getLogger(ModelEventConsumer.class);

    /**
     * Where and how often the model is saved.
     *
     * @param store    the data directory's snapshots (for the settings and topics the consumer follows)
     * @param interval at most this long between snapshots while records come in
     */
    public record Snapshots(ModelSnapshots store, Duration interval) {
    }

    private final RecommendationModel model;
    private final String seedTopic;
    private final String bootstrapServers;
    private final Snapshots snapshots;
    private volatile long seedEvents;
    private volatile ReplayConsumer replay;
    private volatile ModelSnapshots.SnapshotFile loaded;

    // the consumer thread's
    private boolean loadTried;
    private String clusterId;
    /** Positions of the snapshot the model came from: where to resume, and kept for partitions not read since. */
    private Map<TopicPartition, Long> resumed = Map.of();
    private long recordsSinceSnapshot;
    private long lastSnapshot = System.nanoTime();
    private boolean wasCaughtUp;
    /** Records applied since the positions were last reported: the model is ahead of them. */
    private boolean midBatch;

    private ModelEventConsumer(RecommendationModel model, String seedTopic, String bootstrapServers, Snapshots snapshots) {
        this.model = model;
        this.seedTopic = seedTopic;
        this.bootstrapServers = bootstrapServers;
        this.snapshots = snapshots;
    }

    /**
     * @param topics          every input topic, the behaviour topic among them (and the seed topic, if followed)
     * @param behaviourTopic  the one this service creates when missing
     * @param seedTopic       the seeded history's topic, whose records are counted ({@link #seedEventsRead}); null for none
     * @param snapshots       where to load the model from and save it; null for none (always replay everything)
     */
    public static ModelEventConsumer start(RecommendationModel model, List<String> topics, NewTopic behaviourTopic,
                                           String seedTopic, String bootstrapServers, Snapshots snapshots) {
        ModelEventConsumer sink = new ModelEventConsumer(model, seedTopic, bootstrapServers, snapshots);
        sink.replay = ReplayConsumer.builder("model-events", bootstrapServers)
                .following(topics)
                .creating(behaviourTopic)
                // small polls and fetches: what is in flight when the young generation is collected
                // (a poll's records, the next fetch) fits its survivor space rather than being promoted.
                // With 2,000 records and 1 MB fetches a replay of 68,000 events grew the old generation
                // to 115 MB of mostly garbage (31 MB live): +100 MB of RSS after every start. Replaying
                // 330,000 events: the same 28,600 events/s, RSS 413 -> 308 MB (SeedBenchmark, README)
                .fetch(500, 2 * 1024 * 1024, 256 * 1024)
                .aligned(Duration.ofSeconds(ALIGNMENT_SECONDS))
                .progressEvery(100_000)
                .start(sink);
        return sink;
    }

    /** The consumer: caught up (ready), running (live), stopped on shutdown. */
    public ReplayConsumer replay() {
        return replay;
    }

    /**
     * Records read from the seed topic so far (committed ones only: the consumer reads committed
     * records), those the loaded snapshot had read included.
     */
    public long seedEventsRead() {
        return seedEvents;
    }

    /** The snapshot the model was loaded from at start; null if it was replayed from the beginning. */
    public ModelSnapshots.SnapshotFile loadedSnapshot() {
        return loaded;
    }

    @Override
    public Map<TopicPartition, Long> stored(Collection<TopicPartition> partitions) {
        if (!loadTried) {
            loadTried = true;
            load();
        }
        return resumed;
    }

    private void load() {
        if (snapshots == null) {
            return;
        }
        clusterId = clusterId();
        if (clusterId == null) {
            LOG.warnf("cannot tell which Kafka cluster %s is: not using a model snapshot, replaying from the beginning",
                    bootstrapServers);
            return;
        }
        snapshots.store().load(clusterId).ifPresentOrElse(snapshot -> {
            model.replaceWith(snapshot.model());
            seedEvents = snapshot.seedEventsRead();
            resumed = snapshot.positions();
            loaded = snapshot.file();
            LOG.infof("loaded the model snapshot %s (written %s, %,d bytes) in %d ms: resuming from its positions; %s",
                    loaded.path(), snapshot.writtenAt(), loaded.bytes(), loaded.took().toMillis(), model.describe());
        }, () -> LOG.infof("no usable model snapshot in %s: replaying from the beginning", snapshots.store().directory()));
    }

    @Override
    public void startOver() throws IOException {
        model.reset();
        seedEvents = 0;
        resumed = Map.of();
        loaded = null;
        recordsSinceSnapshot = 0;
        wasCaughtUp = false;
        if (snapshots != null) {
            snapshots.store().deleteAll(); // of other topics: a restart before the next one must not take them
        }
    }

    @Override
    public boolean apply(Envelope event) throws MalformedEvent {
        midBatch = true;
        if (event.topic().equals(seedTopic)) {
            seedEvents++; // one writer thread; read by the seeder
        }
        EventParser.Parsed parsed = EventParser.parse(event);
        if (parsed.event() == null) {
            return false;
        }
        model.apply(parsed.event());
        return true;
    }

    @Override
    public void afterBatch(Map<TopicPartition, Long> positions, int records, boolean caughtUp) {
        midBatch = false;
        recordsSinceSnapshot += records;
        long now = System.nanoTime();
        model.maintain(now);
        if (snapshots == null || recordsSinceSnapshot == 0) {
            wasCaughtUp = caughtUp;
            return;
        }
        boolean justCaughtUp = caughtUp && !wasCaughtUp;
        wasCaughtUp = caughtUp;
        if (justCaughtUp && recordsSinceSnapshot >= CATCH_UP_SNAPSHOT_RECORDS
                || now - lastSnapshot >= snapshots.interval().toNanos()) {
            snapshot(positions, "");
        }
    }

    @Override
    public void stopped(Map<TopicPartition, Long> positions) {
        if (snapshots == null || recordsSinceSnapshot == 0 || clusterId == null) {
            return; // nothing new; or the cluster unknown, which is not worth holding up the stop for
        }
        if (midBatch) {
            LOG.infof("not writing a model snapshot at stop: the consumer stopped in the middle of a batch");
            return;
        }
        snapshot(positions, " at stop");
    }

    /** Writes a snapshot of the model as it is now, with the positions it reflects; logs a failure. */
    private void snapshot(Map<TopicPartition, Long> positions, String when) {
        lastSnapshot = System.nanoTime();
        if (clusterId == null && (clusterId = clusterId()) == null) {
            LOG.warnf("cannot tell which Kafka cluster %s is: no model snapshot this time", bootstrapServers);
            return;
        }
        Map<TopicPartition, Long> reflected = new HashMap<>(resumed); // partitions not assigned in this run
        reflected.putAll(positions);
        try {
            ModelSnapshots.SnapshotFile written = snapshots.store().write(model, reflected, seedEvents, clusterId);
            LOG.infof("wrote the model snapshot %s%s: %,d bytes in %d ms, %,d records after the previous one",
                    written.path(), when, written.bytes(), written.took().toMillis(), recordsSinceSnapshot);
            recordsSinceSnapshot = 0;
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "could not write a model snapshot in %s; trying again in %s", snapshots.store().directory(),
                    snapshots.interval());
        }
    }

    /** The id of the Kafka cluster (a snapshot is of one cluster's topics); null when it cannot be had. */
    private String clusterId() {
        Properties properties = new Properties();
        properties.putAll(KafkaClients.connection(bootstrapServers));
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "model-snapshots");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(properties)) {
            return admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.debugf("describing the cluster failed: %s", e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public String caughtUp(Map<TopicPartition, Long> positions) {
        model.publishPopularity();
        return model.describe();
    }
}
