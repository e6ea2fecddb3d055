package org.emporium.recommendations.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.platform.messaging.ReplayConsumer;
import org.emporium.recommendations.domain.RecommendationModel;

/**
 * Feeds the model from its input topics through the platform's {@link ReplayConsumer}, on a thread
 * of its own (the model's single writer). The model lives in memory only, so nothing is stored:
 * every instance reads every partition from the earliest offset at each start and is ready once
 * caught up. Topics of other services may not exist yet and are read once they appear; the
 * behaviour topic belongs to this service and is created at start if missing. The seeded history's
 * topic, when followed, is read like the others (its events are the producers' own types); the
 * {@link HistorySeeder} creates it when it publishes.
 *
 * <p>While catching up, partitions are kept in step by time: a partition whose latest record is
 * more than {@value #ALIGNMENT_SECONDS} s (record timestamp) ahead of the slowest unfinished
 * partition is paused until the others reach it. Without this, a replay would apply, say, the
 * cart topic long before the views that tie those carts to their shoppers, and build a different
 * model than the one built live.
 */
public final class ModelEventConsumer implements ReplayConsumer.Sink {

    static final int ALIGNMENT_SECONDS = 5;

    private final RecommendationModel model;
    private final String seedTopic;
    private volatile long seedEvents;
    private volatile ReplayConsumer replay;

    private ModelEventConsumer(RecommendationModel model, String seedTopic) {
        this.model = model;
        this.seedTopic = seedTopic;
    }

    /**
     * @param topics          every input topic, the behaviour topic among them (and the seed topic, if followed)
     * @param behaviourTopic  the one this service creates when missing
     * @param seedTopic       the seeded history's topic, whose records are counted ({@link #seedEventsRead}); null for none
     */
    public static ModelEventConsumer start(RecommendationModel model, List<String> topics, NewTopic behaviourTopic,
                                           String seedTopic, String bootstrapServers) {
        ModelEventConsumer sink = new ModelEventConsumer(model, seedTopic);
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

    /** Records read from the seed topic so far (committed ones only: the consumer reads committed records). */
    public long seedEventsRead() {
        return seedEvents;
    }

    @Override
    public boolean apply(Envelope event) throws MalformedEvent {
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
        model.maintain(System.nanoTime());
    }

    @Override
    public String caughtUp(Map<TopicPartition, Long> positions) {
        model.publishPopularity();
        return model.describe();
    }
}
