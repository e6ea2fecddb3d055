package org.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.platform.messaging.KafkaTestSupport.await;
import static org.emporium.platform.messaging.KafkaTestSupport.producer;
import static org.emporium.platform.messaging.KafkaTestSupport.send;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.emporium.platform.testing.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trace context across a real broker: a record sent inside a span is processed in a child of it
 * (one record at a time, and in batches where the handler activates each event), what the handler
 * writes carries the consumer's context on, and a replayed state links its live updates to them.
 */
class TracingIT {

    private static final String TYPE = "emporium.test.Traced";
    private static EmbeddedKafka kafka;
    private static OpenTelemetrySdk sdk;
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        Tracing.install(sdk);
    }

    @AfterAll
    static void stop() {
        Tracing.uninstall();
        sdk.close();
        kafka.close();
    }

    @BeforeEach
    void clear() {
        SPANS.reset();
    }

    @Test
    void aRecordIsProcessedInAChildOfTheSpanThatSentIt() throws Exception {
        String topic = "tracing.single.v1";
        Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
        Span sender = sdk.getTracer("test").spanBuilder("place order").startSpan();
        try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers());
             ConsumerLoop ignored = ConsumerLoop.start(
                     new ConsumerLoop.Settings("tracing-single", kafka.bootstrapServers(), "tracing-single",
                             List.of(topic), 10),
                     event -> seen.put(event.key(), Tracing.current()))) {
            try (Scope s = sender.makeCurrent()) {
                send(producer, topic, "order-1", TYPE, "{}", Tracing.current());
            }
            send(producer, topic, "no-trace", TYPE, "{}");
            await(() -> seen.size() == 2);
        }
        sender.end();

        SpanData processing = span("process " + topic, "order-1");
        assertThat(processing.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(processing.getTraceId()).isEqualTo(sender.getSpanContext().getTraceId());
        assertThat(processing.getParentSpanId()).isEqualTo(sender.getSpanContext().getSpanId());
        assertThat(processing.getAttributes().asMap().toString())
                .contains("messaging.destination.name=" + topic, "messaging.consumer.group.name=tracing-single",
                        "cloudevents.event_type=" + TYPE);
        // what the handler writes (to its outbox) continues the consumer's span
        assertThat(seen.get("order-1").get("traceparent"))
                .contains(processing.getTraceId()).contains(processing.getSpanId());
        // a record without a trace starts one of its own
        SpanData untraced = span("process " + topic, "no-trace");
        assertThat(untraced.getParentSpanContext().isValid()).isFalse();
        assertThat(untraced.getTraceId()).isNotEqualTo(sender.getSpanContext().getTraceId());
    }

    @Test
    void aBatchHandlerContinuesEachEventsTraceWhenItActivatesIt() throws Exception {
        String topic = "tracing.batch.v1";
        kafka.createTopic(topic, 1, Map.of());
        Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
        Span first = sdk.getTracer("test").spanBuilder("first").startSpan();
        Span second = sdk.getTracer("test").spanBuilder("second").startSpan();
        try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
            for (Span sender : List.of(first, second)) {
                try (Scope s = sender.makeCurrent()) {
                    send(producer, topic, sender.getSpanContext().getSpanId(), TYPE, "{}", Tracing.current());
                }
            }
            try (ConsumerLoop ignored = ConsumerLoop.startBatched(
                    new ConsumerLoop.Settings("tracing-batch", kafka.bootstrapServers(), "tracing-batch",
                            List.of(topic), 10),
                    events -> events.forEach(event -> {
                        try (Scope s = event.activate()) {
                            seen.put(event.key(), Tracing.current());
                        }
                    }))) {
                await(() -> seen.size() == 2);
            }
        }
        for (Span sender : List.of(first, second)) {
            String id = sender.getSpanContext().getSpanId();
            SpanData processing = span("process " + topic, id);
            assertThat(processing.getParentSpanId()).isEqualTo(id);
            assertThat(seen.get(id).get("traceparent")).contains(sender.getSpanContext().getTraceId())
                    .contains(processing.getSpanId());
        }
    }

    @Test
    void aReplayedStateLinksItsLiveUpdatesToTheWritesThatCausedThem() throws Exception {
        String topic = "tracing.replay.v1";
        kafka.createTopic(topic, 1, Map.of());
        Map<String, Map<String, String>> applied = new ConcurrentHashMap<>();
        ReplayConsumer.Sink sink = event -> {
            applied.put(event.key(), Tracing.current());
            return true;
        };
        Span write = sdk.getTracer("test").spanBuilder("update product").startSpan();
        try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
            send(producer, topic, "history", TYPE, "{}", Map.of(
                    "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
            ReplayConsumer replay = ReplayConsumer.builder("tracing-replay", kafka.bootstrapServers())
                    .awaiting(topic).start(sink);
            await(replay::caughtUp);
            try (Scope s = write.makeCurrent()) {
                send(producer, topic, "live", TYPE, "{}", Tracing.current());
            }
            await(() -> applied.containsKey("live"));
            replay.stop(Duration.ofSeconds(10));
        }
        // replaying history records nothing; the live update is a trace of its own, linked to the write
        assertThat(SPANS.getFinishedSpanItems()).noneMatch(s -> s.getLinks().stream()
                .anyMatch(l -> l.getSpanContext().getTraceId().equals("0af7651916cd43dd8448eb211c80319c")));
        SpanData live = SPANS.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("process " + topic)).findFirst().orElseThrow();
        assertThat(live.getLinks()).anyMatch(l -> l.getSpanContext().getTraceId().equals(write.getSpanContext().getTraceId())
                && l.getSpanContext().getSpanId().equals(write.getSpanContext().getSpanId()));
        assertThat(live.getTraceId()).isNotEqualTo(write.getSpanContext().getTraceId());
        assertThat(live.getAttributes().asMap().toString()).as("the linked trace as a tag, for Zipkin")
                .contains("emporium.linked_trace_ids=" + write.getSpanContext().getTraceId());
        assertThat(applied.get("live").get("traceparent")).contains(live.getTraceId());
        write.end();
    }

    private static SpanData span(String name, String key) throws InterruptedException {
        await(() -> find(name, key).isPresent());
        return find(name, key).orElseThrow();
    }

    private static Optional<SpanData> find(String name, String key) {
        return SPANS.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .filter(s -> key.equals(s.getAttributes().asMap().entrySet().stream()
                        .filter(e -> e.getKey().getKey().equals("messaging.kafka.message.key"))
                        .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null)))
                .findFirst();
    }
}
