package org.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sending test events to a real broker and waiting for their effects, with a deadline. */
final class KafkaTestSupport {

    private KafkaTestSupport() {
    }

    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String type, String data)
            throws Exception {
        send(producer, topic, key, type, data, Map.of());
    }

    /** Sends an event as the outbox relay does, with the given trace headers. */
    static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String type, String data,
                     Map<String, String> traceHeaders) throws Exception {
        byte[] event = Envelope.write(URI.create("/emporium/test"), type, key, OffsetDateTime.now(),
                data.getBytes(StandardCharsets.UTF_8));
        producer.send(Envelope.record(topic, key, event, traceHeaders)).get(10, TimeUnit.SECONDS);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
