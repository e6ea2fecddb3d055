package org.emporium.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A CloudEvent 1.0 in structured JSON mode ({@code application/cloudevents+json}), as every
 * Emporium topic carries it, and the Kafka record around it. This class is the only place that
 * reads or writes a record's envelope: consumers get an {@code Envelope} and map its {@link #type()}
 * and {@link #data()} to their own types; producers get the bytes and the record from here.
 */
public final class Envelope {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat FORMAT = new JsonFormat();

    private final JsonNode event;
    private final String topic;
    private final int partition;
    private final long offset;
    private final String key;
    private final long timestamp;
    /** The trace context the record's headers carry (root when none). */
    private final Context sent;
    /** Where work caused by this event belongs: the span processing it, once a consumer started one. */
    private Context context;

    private Envelope(JsonNode event, String topic, int partition, long offset, String key, long timestamp,
                     Context sent) {
        this.event = event;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.timestamp = timestamp;
        this.sent = sent;
        this.context = sent;
    }

    /** Reads a record's value: a JSON object with specversion 1.0, or a {@link MalformedEvent} saying why not. */
    public static Envelope of(ConsumerRecord<String, byte[]> record) throws MalformedEvent {
        return new Envelope(parse(record.value()), record.topic(), record.partition(), record.offset(), record.key(),
                record.timestamp(), Tracing.extract(record.headers()));
    }

    /** Reads a value without its record (tests, tools). */
    public static Envelope read(byte[] value) throws MalformedEvent {
        return new Envelope(parse(value), "", -1, -1, null, -1, Context.root());
    }

    private static JsonNode parse(byte[] value) throws MalformedEvent {
        if (value == null) {
            throw new MalformedEvent("no value (a Kafka tombstone)");
        }
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEvent("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedEvent("not JSON: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new MalformedEvent("not a JSON object");
        }
        if (!"1.0".equals(event.path("specversion").asText())) {
            throw new MalformedEvent("specversion is not 1.0");
        }
        return event;
    }

    /** The CloudEvents type, empty if absent: what consumers dispatch on. */
    public String type() {
        return event.path("type").asText("");
    }

    /** The context attributes ({@code id}, {@code time}, ...), read with the same checks as data. */
    public Fields attributes() {
        return new Fields(event, "");
    }

    /** The {@code data} object; an event without one is malformed. */
    public Fields data() throws MalformedEvent {
        return attributes().object("data");
    }

    public String topic() {
        return topic;
    }

    public String key() {
        return key;
    }

    /** The record's timestamp (epoch milliseconds), -1 without a record. */
    public long timestamp() {
        return timestamp;
    }

    /** The trace context the record arrived with, {@link Context#root()} when none. */
    Context sentContext() {
        return sent;
    }

    void processedIn(Context processing) {
        this.context = processing;
    }

    /**
     * Makes the span processing this event current, so that what it causes (log lines, outbox
     * rows, calls) continues its trace; close the scope when done. Batch handlers call it per
     * event; single-record handlers already run inside it.
     */
    public Scope activate() {
        return Tracing.activate(context);
    }

    /** Where the record was, for log lines: {@code topic-partition@offset (key k)}. */
    public String where() {
        return topic + "-" + partition + "@" + offset + " (key " + key + ")";
    }

    /**
     * A structured CloudEvent: a fresh UUID id, the given source, type and time, the key as
     * subject, and {@code data} (JSON) embedded as JSON.
     */
    public static byte[] write(URI source, String type, String key, OffsetDateTime time, byte[] data) {
        return FORMAT.serialize(CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(type)
                .withSubject(key)
                .withTime(time)
                .withDataContentType("application/json")
                .withData(data)
                .build());
    }

    /** The Kafka record that carries an event written by {@link #write}, keyed by aggregate. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, byte[] event) {
        return record(topic, key, event, Map.of());
    }

    /**
     * The same, with the trace context ({@code traceparent}, {@code tracestate}) of the work that
     * caused the event as headers (see {@link Tracing}).
     */
    public static ProducerRecord<String, byte[]> record(String topic, String key, byte[] event,
                                                        Map<String, String> traceHeaders) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, event);
        record.headers().add(new RecordHeader("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        traceHeaders.forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }
}
