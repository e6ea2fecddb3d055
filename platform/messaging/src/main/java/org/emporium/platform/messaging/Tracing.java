package org.emporium.platform.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * W3C trace context across Kafka, so one checkout is one trace from the click to the email. A
 * service that writes an event keeps the context of the work that caused it ({@link #current()},
 * stored with the outbox row); the relay sends it as the record headers {@code traceparent} and
 * {@code tracestate} inside a "publish" span; consumers continue it in a "process" span (a child of
 * the record's context, or, where many records fan into one piece of work, a span linked to each).
 *
 * <p>Spans follow the OpenTelemetry messaging conventions (names {@code publish <topic>} and
 * {@code process <topic>}, {@code messaging.*} attributes). The service's {@link OpenTelemetry}
 * is {@linkplain #install installed} at start-up by {@link TracingSetup}; until then, and in plain
 * tests, context is still propagated (W3C) but no span is recorded.
 */
public final class Tracing {

    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    private static final String SCOPE = "org.emporium.platform.messaging";
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<Long> BATCH = AttributeKey.longKey("messaging.batch.message_count");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    private static final AttributeKey<String> LINKED_TRACES = AttributeKey.stringKey("emporium.linked_trace_ids");
    private static final int MAX_LINKED_TRACE_IDS = 32;

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> HEADER_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return StreamSupport.stream(carrier.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static volatile OpenTelemetry telemetry = propagatingOnly();
    private static volatile Tracer tracer = telemetry.getTracer(SCOPE);

    private Tracing() {
    }

    /** Uses the service's OpenTelemetry (its propagators, sampler and exporters) from now on. */
    public static void install(OpenTelemetry openTelemetry) {
        telemetry = openTelemetry;
        tracer = openTelemetry.getTracer(SCOPE);
    }

    /** Back to propagating context without recording spans (tests). */
    public static void uninstall() {
        install(propagatingOnly());
    }

    private static OpenTelemetry propagatingOnly() {
        return OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    }

    private static TextMapPropagator propagator() {
        return telemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * The current trace context as headers ({@code traceparent}, and {@code tracestate} when there
     * is one); empty outside any trace.
     */
    public static Map<String, String> current() {
        return headersOf(Context.current());
    }

    static Map<String, String> headersOf(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>(2);
        propagator().inject(context, headers, (carrier, key, value) -> {
            if (TRACEPARENT.equals(key) || TRACESTATE.equals(key)) {
                carrier.put(key, value);
            }
        });
        return headers;
    }

    /** The context stored as headers; {@link Context#root()} when there is none or it is unreadable. */
    public static Context extract(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return Context.root();
        }
        return propagator().extract(Context.root(), headers, MAP_GETTER);
    }

    static Context extract(Headers headers) {
        return propagator().extract(Context.root(), headers, HEADER_GETTER);
    }

    /**
     * Starts the span of publishing one stored event, a child of the work that wrote it, begun when
     * that work stored it (so the span shows how long the event waited in the outbox). Without a
     * stored context there is no span: the headers stay empty rather than starting a trace of
     * their own.
     */
    public static Publication publishing(String topic, String key, Map<String, String> stored, Instant storedAt) {
        Context parent = extract(stored);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return new Publication(Span.getInvalid(), Map.of());
        }
        Span span = tracer.spanBuilder("publish " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setStartTimestamp(storedAt)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "publish")
                .setAttribute(DESTINATION, topic)
                .setAttribute(KEY, key)
                .startSpan();
        Map<String, String> headers = headersOf(parent.with(span));
        // a span that is not recorded (sampled out) still carries its parent's trace on
        return new Publication(span, headers.isEmpty() ? stored : headers);
    }

    /** A publish span and the headers that continue it; {@link #end} once Kafka has acknowledged. */
    public record Publication(Span span, Map<String, String> headers) {
        public void end() {
            span.end();
        }

        public void failed(Throwable cause) {
            span.recordException(cause);
            span.setStatus(StatusCode.ERROR);
            span.end();
        }
    }

    /**
     * Starts a span of background work that belongs to an earlier request (a saga deadline, a
     * cart cleared after confirmation), a child of the context stored with it; an invalid span
     * when nothing was stored, so such work starts no trace of its own. Make it current, end it.
     */
    public static Span resume(String name, String traceparent) {
        Context parent = traceparent == null ? Context.root() : extract(Map.of(TRACEPARENT, traceparent));
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.INTERNAL).startSpan();
    }

    /** The span of processing one record: a child of the context its headers carry. */
    static Span processing(ConsumerRecord<?, ?> record, Context parent, String group, String eventType) {
        return consumerSpan("process " + record.topic(), record.topic(), group)
                .setParent(parent)
                .setAttribute(KEY, String.valueOf(record.key()))
                .setAttribute(PARTITION, (long) record.partition())
                .setAttribute(OFFSET, record.offset())
                .setAttribute(EVENT_TYPE, eventType)
                .startSpan();
    }

    /**
     * The span of applying many records at once (a replayed state): a trace of its own, linked
     * to each record's context (up to the SDK's limit of links), since it has no single parent.
     */
    static Span processingMany(Collection<String> topics, List<Context> parents) {
        String topicList = String.join(",", topics);
        SpanBuilder builder = consumerSpan("process " + topicList, topicList, null)
                .setNoParent()
                .setAttribute(BATCH, (long) parents.size());
        Set<String> traces = new LinkedHashSet<>();
        for (Context parent : parents) {
            SpanContext linked = Span.fromContext(parent).getSpanContext();
            if (linked.isValid()) {
                builder.addLink(linked);
                if (traces.size() < MAX_LINKED_TRACE_IDS) {
                    traces.add(linked.getTraceId());
                }
            }
        }
        if (!traces.isEmpty()) {
            // Zipkin's model has no links: the ids as a tag let one find the update from the write there too
            builder.setAttribute(LINKED_TRACES, String.join(",", traces));
        }
        return builder.startSpan();
    }

    private static SpanBuilder consumerSpan(String name, String destination, String group) {
        SpanBuilder builder = tracer.spanBuilder(name)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, destination);
        if (group != null) {
            builder.setAttribute(GROUP, group);
        }
        return builder;
    }

    /**
     * Makes the context current when it holds a span; otherwise changes nothing, so that log lines
     * written outside any trace (a replay catching up) carry no all-zero trace id.
     */
    /** {@link #activate(Context)} for a span, such as the one {@link #resume} starts. */
    public static Scope activate(Span span) {
        return activate(Context.current().with(span));
    }

    static Scope activate(Context context) {
        return Span.fromContext(context).getSpanContext().isValid() ? context.makeCurrent() : Scope.noop();
    }

    static void failed(Span span, Throwable cause) {
        span.recordException(cause);
        span.setStatus(StatusCode.ERROR, cause.getClass().getSimpleName());
    }
}
