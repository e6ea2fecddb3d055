package org.emporium.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer's lag per partition (records behind the partition's end), as the gauge
 * {@code emporium_kafka_consumer_lag_records{group, topic, partition}}. The consumer's own thread updates
 * it after every poll from what the fetches returned ({@link Consumer#currentLag}, no extra call
 * to the broker); a partition no longer assigned here reads NaN, so the gauge's sum over a group
 * counts each partition once. Registered in Micrometer's global registry, to which Quarkus adds
 * the service's Prometheus registry.
 */
final class ConsumerLag {

    private final String group;
    private final MeterRegistry registry;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Set<TopicPartition> registered = ConcurrentHashMap.newKeySet();

    ConsumerLag(String group) {
        this(group, Metrics.globalRegistry);
    }

    ConsumerLag(String group, MeterRegistry registry) {
        this.group = group;
        this.registry = registry;
    }

    /** After a poll, on the consumer's thread. */
    void update(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        lag.keySet().retainAll(assigned);
        // a paused partition (a consumer stalled on purpose) is not fetched, so the client's own lag
        // stands still; its end is asked of the broker instead, once a poll for all of them
        Set<TopicPartition> paused = consumer.paused();
        Map<TopicPartition, Long> ends = paused.isEmpty() ? Map.of() : endOffsets(consumer, paused);
        for (TopicPartition partition : assigned) {
            OptionalLong behind = ends.containsKey(partition) ? behind(consumer, partition, ends.get(partition))
                    : consumer.currentLag(partition);
            if (behind.isPresent()) {
                lag.put(partition, behind.getAsLong());
                if (registered.add(partition)) {
                    Gauge.builder("emporium.kafka.consumer.lag", lag, l -> {
                                Long records = l.get(partition);
                                return records == null ? Double.NaN : records;
                            })
                            .description("records the consumer is behind the end of the partition")
                            .tag("group", group).tag("topic", partition.topic())
                            .tag("partition", Integer.toString(partition.partition()))
                            .baseUnit("records")
                            .register(registry);
                }
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Consumer<?, ?> consumer, Set<TopicPartition> partitions) {
        try {
            return consumer.endOffsets(partitions, java.time.Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            return Map.of(); // the broker did not answer in time: the last known lag stands
        }
    }

    private static OptionalLong behind(Consumer<?, ?> consumer, TopicPartition partition, long end) {
        try {
            return OptionalLong.of(Math.max(0, end - consumer.position(partition, java.time.Duration.ofSeconds(1))));
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The lag of each partition assigned here, as of the last poll. */
    Map<TopicPartition, Long> current() {
        return Map.copyOf(lag);
    }
}
