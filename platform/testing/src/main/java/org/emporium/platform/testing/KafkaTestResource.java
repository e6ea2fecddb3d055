package org.emporium.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real Kafka broker ({@link EmbeddedKafka}) for a Quarkus test and points the service
 * at it through {@code emporium.kafka.bootstrap-servers}. Topics are not created automatically:
 * the owner of a topic creates it, so a test does what the owning service would.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedKafka kafka;

    /** The running broker, for tests to publish, consume, stop and start it. */
    public static EmbeddedKafka kafka() {
        return kafka;
    }

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        return Map.of("emporium.kafka.bootstrap-servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
