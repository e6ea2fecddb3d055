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
 * behaviour topic belongs to this service and is created at start if missing.
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

    private ModelEventConsumer(RecommendationModel model) {
        this.model = model;
    }

    /**
     * @param topics          every input topic, the behaviour topic among them
     * @param behaviourTopic  the one this service creates when missing
     */
    public static ReplayConsumer start(RecommendationModel model, List<String> topics, NewTopic behaviourTopic,
                                       String bootstrapServers) {
        return ReplayConsumer.builder("model-events", bootstrapServers)
                .following(topics)
                .creating(behaviourTopic)
                // bounded fetch buffers: the heap is small and mostly the model's
                .fetch(2000, 8 * 1024 * 1024, 1024 * 1024)
                .aligned(Duration.ofSeconds(ALIGNMENT_SECONDS))
                .progressEvery(100_000)
                .start(new ModelEventConsumer(model));
    }

    @Override
    public boolean apply(Envelope event) throws MalformedEvent {
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
