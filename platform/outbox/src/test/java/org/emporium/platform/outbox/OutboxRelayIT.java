package org.emporium.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.emporium.platform.messaging.Tracing;
import org.emporium.platform.testing.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against a real Postgres and a real Kafka broker, including while Kafka is down. */
class OutboxRelayIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafka kafka;
    private static DataSource dataSource;

    private final Outbox outbox = new Outbox(JSON, "test", Clock.systemUTC());
    private String topic;
    private OutboxRelay relay;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        kafka = EmbeddedKafka.start();
        OutboxSchema.migrate(dataSource);
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        kafka.close();
        postgres.close();
    }

    @BeforeEach
    void newTopic() {
        topic = "test.thing." + UUID.randomUUID().toString().substring(0, 8);
        relay = new OutboxRelay(dataSource, new OutboxRelay.Settings("test", kafka.bootstrapServers(),
                List.of(topic + ":3:compact"), 50, Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofMillis(100), Duration.ofSeconds(2)));
    }

    @AfterEach
    void stopRelay() {
        relay.close();
    }

    @Test
    void publishesCommittedEventsInOrderPerKeyAndDeletesThem() throws Exception {
        relay.start();
        List<String> keys = List.of("a", "b", "c", "d");
        for (int i = 0; i < 120; i++) {
            append(List.of(event(keys.get(i % keys.size()), i)));
        }

        List<ConsumerRecord<String, String>> records = consume(120);

        Map<String, List<Integer>> perKey = sequencesPerKey(records);
        for (String key : keys) {
            assertThat(perKey.get(key)).as("events of key %s", key).isSorted().hasSize(30);
        }
        awaitTrue(() -> pendingRows() == 0, "published rows are deleted");
        // deleting is deferred, and rows published but not yet deleted are never read again
        assertThat(recordsOnTopic()).as("each event sent once").isEqualTo(120);
    }

    @Test
    void anEventWhoseTransactionTookALowerIdButCommittedLaterIsPublishedToo() throws Exception {
        relay.start();
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            outbox.append(late, event("late", 1)); // takes its id now, commits after the next one is out
            append(List.of(event("early", 2)));
            consume(1);
            late.commit();
        }

        List<ConsumerRecord<String, String>> records = consume(2);

        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("early", "late");
        awaitTrue(() -> pendingRows() == 0, "both rows deleted");
        assertThat(recordsOnTopic()).isEqualTo(2);
    }

    @Test
    void eventsAreStructuredCloudEventsKeyedByAggregate() throws Exception {
        relay.start();
        append(List.of(event("order-7", 1)));

        ConsumerRecord<String, String> record = consume(1).getFirst();

        assertThat(record.key()).isEqualTo("order-7");
        assertThat(new String(record.headers().lastHeader("content-type").value())).isEqualTo("application/cloudevents+json");
        JsonNode event = JSON.readTree(record.value());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/emporium/test");
        assertThat(event.path("type").asText()).isEqualTo("emporium.test.ThingHappened");
        assertThat(event.path("subject").asText()).isEqualTo("order-7");
        assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.path("data").path("sequence").asInt()).as("data is embedded JSON, not base64").isEqualTo(1);
        assertThat(UUID.fromString(event.path("id").asText())).isNotNull();
    }

    @Test
    void anEventWrittenInATraceIsPublishedInAChildSpanWhoseContextTravelsAsHeaders() throws Exception {
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build()) {
            Tracing.install(sdk);
            Span request = sdk.getTracer("test").spanBuilder("POST /orders").startSpan();
            try (Scope ignored = request.makeCurrent()) {
                append(List.of(event("order-9", 1)));
            }
            request.end();
            append(List.of(event("untraced", 2)));
            relay.start();

            List<ConsumerRecord<String, String>> records = consume(2);

            SpanData publish = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getName().equals("publish " + topic)).findFirst().orElseThrow();
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            assertThat(publish.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
            assertThat(publish.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
            // it starts when the row was stored: the span shows the wait in the outbox
            assertThat(publish.getStartEpochNanos()).isLessThanOrEqualTo(publish.getEndEpochNanos());
            ConsumerRecord<String, String> traced = records.stream().filter(r -> r.key().equals("order-9")).findFirst()
                    .orElseThrow();
            assertThat(new String(traced.headers().lastHeader("traceparent").value()))
                    .startsWith("00-" + publish.getTraceId() + "-" + publish.getSpanId() + "-"); // then the flags
            ConsumerRecord<String, String> untraced = records.stream().filter(r -> r.key().equals("untraced"))
                    .findFirst().orElseThrow();
            assertThat(untraced.headers().lastHeader("traceparent")).as("no trace of its own").isNull();
            assertThat(spans.getFinishedSpanItems()).hasSize(2); // the request and one publish
        } finally {
            Tracing.uninstall();
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outbox.append(c, event("ghost", 1));
            c.rollback();
        }
        append(List.of(event("real", 2)));
        relay.start();

        List<ConsumerRecord<String, String>> records = consume(1);

        assertThat(records).extracting(ConsumerRecord::key).containsExactly("real");
        assertThat(pendingRows()).isZero();
    }

    @Test
    void keepsEventsWhileKafkaIsDownAndDeliversThemAllAfterwards() throws Exception {
        relay.start();
        append(List.of(event("warm-up", 0)));
        consume(1);

        kafka.stopBroker();
        long stoppedAt = System.nanoTime();
        try {
            for (int i = 1; i <= 100; i++) {
                append(List.of(event("k" + (i % 7), i)));
            }
            awaitTrue(() -> relay.failures() >= 1, "the relay notices Kafka is gone");
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
            // no busy loop: every attempt is followed by at least the minimum backoff (100 ms)
            assertThat(relay.failures()).isLessThanOrEqualTo(elapsedMillis / 100 + 1);
            assertThat(pendingRows()).as("nothing is lost while Kafka is down").isEqualTo(100);
        } finally {
            kafka.startBroker();
        }

        List<ConsumerRecord<String, String>> records = consume(101);
        Map<String, List<Integer>> perKey = sequencesPerKey(records);
        List<Integer> all = perKey.entrySet().stream().filter(e -> e.getKey().startsWith("k"))
                .flatMap(e -> e.getValue().stream()).distinct().sorted().toList();
        assertThat(all).hasSize(100);
        // at least once: a batch whose acknowledgement was lost with the broker is sent again, so a
        // key may repeat earlier events; consumers drop those by event id, and what they apply (each
        // event's first arrival) must be in order
        perKey.forEach((key, sequence) -> assertThat(sequence.stream().distinct().toList())
                .as("order of key %s, first arrivals (all: %s)", key, sequence).isSorted());
        awaitTrue(() -> pendingRows() == 0, "all rows deleted after delivery");
    }

    @Test
    void onlyOneRelayPublishesWhenSeveralInstancesRun() throws Exception {
        OutboxRelay second = new OutboxRelay(dataSource, new OutboxRelay.Settings("test", kafka.bootstrapServers(),
                List.of(topic), 50, Duration.ofSeconds(1), Duration.ofMillis(200),
                Duration.ofMillis(100), Duration.ofSeconds(2)));
        relay.start();
        second.start();
        try {
            for (int i = 0; i < 200; i++) {
                append(List.of(event("same", i)));
            }
            List<ConsumerRecord<String, String>> records = consume(200);
            assertThat(sequencesPerKey(records).get("same")).hasSize(200).isSorted().doesNotHaveDuplicates();
            assertThat(Math.min(relay.published(), second.published())).as("the standby published nothing").isZero();
        } finally {
            second.close();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private OutboxEvent event(String key, int sequence) {
        return new OutboxEvent(topic, key, "emporium.test.ThingHappened", Map.of("sequence", sequence));
    }

    private void append(List<OutboxEvent> events) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outbox.appendAll(c, events);
            c.commit();
        }
    }

    private long pendingRows() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event WHERE topic = '" + topic + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record ever sent to the topic (nothing is compacted away in a test's time). */
    private long recordsOnTopic() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Reads the topic from the beginning until {@code count} distinct records arrived (or the
     * deadline); a record sent twice (at least once) counts once but is returned twice.
     */
    private List<ConsumerRecord<String, String>> consume(int count) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                consumer.listTopics(Duration.ofSeconds(5)).getOrDefault(topic, List.of())
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            assertThat(partitions).as("topic %s was created by the relay", topic).isNotEmpty();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<String> distinct = new HashSet<>();
            while (distinct.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    records.add(r);
                    distinct.add(r.value());
                });
            }
        }
        assertThat(records.stream().map(ConsumerRecord::value).distinct().count()).as("distinct records on %s", topic)
                .isGreaterThanOrEqualTo(count);
        return records;
    }

    private static Map<String, List<Integer>> sequencesPerKey(List<ConsumerRecord<String, String>> records) throws Exception {
        Map<String, List<Integer>> perKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            int sequence = JSON.readTree(record.value()).path("data").path("sequence").asInt();
            perKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(sequence);
        }
        return perKey;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s: %s", DEADLINE, what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
