package org.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.platform.messaging.KafkaTestSupport.await;
import static org.emporium.platform.messaging.KafkaTestSupport.producer;
import static org.emporium.platform.messaging.KafkaTestSupport.send;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.emporium.platform.testing.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The replay consumer against a real broker: catch-up, unused and malformed records, late topics, stored positions. */
class ReplayConsumerIT {

    private static final String USED = "emporium.test.Used";
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    /** Counts what it applies; resumes from {@code stored}; records whether it had to start over. */
    static final class CountingSink implements ReplayConsumer.Sink {
        final AtomicInteger applied = new AtomicInteger();
        final AtomicInteger startedOver = new AtomicInteger();
        final Map<TopicPartition, Long> stored;
        final Map<TopicPartition, Long> stoppedAt = new ConcurrentHashMap<>();

        CountingSink(Map<TopicPartition, Long> stored) {
            this.stored = stored;
        }

        @Override
        public boolean apply(Envelope event) throws MalformedEvent {
            if (!event.type().equals(USED)) {
                return false;
            }
            event.data().version(); // a used event without a version is malformed
            applied.incrementAndGet();
            return true;
        }

        @Override
        public Map<TopicPartition, Long> stored(Collection<TopicPartition> partitions) {
            return stored;
        }

        @Override
        public void startOver() {
            startedOver.incrementAndGet();
        }

        @Override
        public void stopped(Map<TopicPartition, Long> positions) {
            stoppedAt.putAll(positions);
        }
    }

    @Test
    void replaysFromTheStartIsReadyOnceCaughtUpAndReadsATopicThatAppearsLater() throws Exception {
        String topic = "replay.a." + UUID.randomUUID();
        String later = "replay.b." + UUID.randomUUID();
        kafka.createTopic(topic, 3, Map.of());
        try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
            for (int i = 0; i < 30; i++) {
                send(producer, topic, "k" + i, USED, "{\"version\":1}");
            }
            send(producer, topic, "x", "emporium.test.Other", "{}");
            send(producer, topic, "x", USED, "{\"version\":0}");
            producer.send(new ProducerRecord<>(topic, "x", "not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        CountingSink sink = new CountingSink(Map.of());
        ReplayConsumer consumer = ReplayConsumer.builder("replay-test", kafka.bootstrapServers())
                .awaiting(topic).following(List.of(later)).start(sink);
        try {
            await(consumer::caughtUp);
            assertThat(sink.applied).hasValue(30);
            assertThat(consumer.eventsRead()).isEqualTo(33);
            assertThat(consumer.malformed()).isEqualTo(2);

            kafka.createTopic(later, 1, Map.of());
            try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
                for (int i = 0; i < 5; i++) {
                    send(producer, later, "k" + i, USED, "{\"version\":1}");
                }
            }
            await(() -> sink.applied.get() == 35);
            assertThat(consumer.caughtUp()).isTrue();
        } finally {
            consumer.stop(Duration.ofSeconds(10));
        }
        await(() -> !consumer.running()); // its thread ends just after stop() returns
        assertThat(sink.stoppedAt).containsEntry(new TopicPartition(later, 0), 5L);
    }

    @Test
    void resumesFromStoredPositionsAndStartsOverWhenTheyArePastTheEnd() throws Exception {
        String topic = "replay.c." + UUID.randomUUID();
        kafka.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
            for (int i = 0; i < 10; i++) {
                send(producer, topic, "k", USED, "{\"version\":" + (i + 1) + "}");
            }
        }
        TopicPartition partition = new TopicPartition(topic, 0);

        CountingSink resumed = new CountingSink(Map.of(partition, 4L));
        ReplayConsumer first = ReplayConsumer.builder("replay-resume", kafka.bootstrapServers())
                .following(List.of(topic)).start(resumed);
        await(first::caughtUp);
        first.stop(Duration.ofSeconds(10));
        assertThat(resumed.applied).hasValue(6);
        assertThat(resumed.startedOver).hasValue(0);

        CountingSink recreated = new CountingSink(Map.of(partition, 100L));
        ReplayConsumer second = ReplayConsumer.builder("replay-recreated", kafka.bootstrapServers())
                .following(List.of(topic)).start(recreated);
        await(second::caughtUp);
        second.stop(Duration.ofSeconds(10));
        assertThat(recreated.startedOver).hasValue(1);
        assertThat(recreated.applied).hasValue(10);
    }
}
