package org.emporium.storefront.behaviour;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.messaging.KafkaClients;
import org.jboss.logging.Logger;

/**
 * The Kafka producer for behaviour events, tuned for "never in the way" rather than "never lose":
 * <ul>
 *   <li>{@code max.block.ms=0}: {@code send()} runs on the request's thread, so it must not wait for
 *       metadata or buffer space; without either, the send fails at once (the view is lost).</li>
 *   <li>{@code acks=1}, no idempotence: the leader's word is enough for a view.</li>
 *   <li>{@code linger.ms=20}: views are batched; nobody waits for them.</li>
 *   <li>{@code buffer.memory} 4 MB: bounded, whatever Kafka does (a few thousand views).</li>
 *   <li>{@code delivery.timeout.ms} 15 s: a buffered view is dropped after that, not kept for 2 minutes.</li>
 *   <li>{@code metadata.max.idle.ms} 1 h: the topic's metadata stays through a quiet hour, so
 *       the first view after it isn't lost to a metadata fetch.</li>
 *   <li>{@code reconnect.backoff.max.ms} 10 s: a Kafka that is away is not dialled every second.</li>
 * </ul>
 * The producer never creates the topic (recommendations owns it; the broker's auto-creation is off).
 */
final class BehaviourProducer {

    private static final Logger LOG = Logger.getLogger(BehaviourProducer.class);

    private BehaviourProducer() {
    }

    /** A producer with the topic's metadata being fetched, or null when none could be created. */
    static Producer<String, String> create(String bootstrapServers, String topic) {
        KafkaProducer<String, String> producer;
        try {
            producer = new KafkaProducer<>(settings(bootstrapServers), new StringSerializer(), new StringSerializer());
        } catch (RuntimeException e) {
            LOG.warnf("no behaviour events: the Kafka producer could not be created for %s: %s", bootstrapServers, e.toString());
            return null;
        }
        try {
            // with max.block.ms=0 this returns (or throws) at once, but leaves the topic in the
            // producer's metadata, which its own thread then fetches before the first view
            producer.partitionsFor(topic);
        } catch (RuntimeException expected) {
            LOG.debugf("topic %s not known yet: %s", topic, expected.getMessage());
        }
        return producer;
    }

    static Map<String, Object> settings(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>(KafkaClients.connection(bootstrapServers));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "storefront-behaviour");
        settings.put(ProducerConfig.ACKS_CONFIG, "1");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * 1024 * 1024);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        settings.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, 3_600_000);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
        return settings;
    }
}
