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
        for (TopicPartition partition : assigned) {
            OptionalLong behind = consumer.currentLag(partition);
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

    /** The lag of each partition assigned here, as of the last poll. */
    Map<TopicPartition, Long> current() {
        return Map.copyOf(lag);
    }
}
