package org.emporium.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.Tracing;

/**
 * Writes events into the outbox table on the caller's connection, so they commit or roll back
 * with the caller's state change. Call it after changing (and so locking) the aggregate's row:
 * then the events of one aggregate get increasing ids in commit order, which is the order the
 * relay publishes them in.
 */
public final class Outbox {

    private static final String INSERT =
            "INSERT INTO outbox_event (topic, message_key, payload, traceparent, tracestate) VALUES (?, ?, ?, ?, ?)";

    private final ObjectMapper json;
    private final URI source;
    private final Clock clock;

    /** {@code service} becomes the CloudEvents source {@code /emporium/<service>}. */
    public Outbox(ObjectMapper json, String service, Clock clock) {
        this.json = json;
        this.source = URI.create("/emporium/" + service);
        this.clock = clock;
    }

    public void append(Connection connection, OutboxEvent event) {
        appendAll(connection, List.of(event));
    }

    /**
     * Inserts all events in one batch, in list order, each with the current trace context (the
     * request or record being handled), which the relay sends on as record headers.
     */
    public void appendAll(Connection connection, List<OutboxEvent> events) {
        Map<String, String> trace = Tracing.current();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxEvent event : events) {
                insert.setString(1, event.topic());
                insert.setString(2, event.key());
                insert.setString(3, new String(envelope(event), StandardCharsets.UTF_8));
                insert.setString(4, trace.get("traceparent"));
                insert.setString(5, trace.get("tracestate"));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + events.size() + " event(s) to the outbox failed", e);
        }
    }

    /** The event as it will travel, written by the platform's one envelope writer. */
    private byte[] envelope(OutboxEvent event) {
        try {
            return Envelope.write(source, event.type(), event.key(), OffsetDateTime.now(clock),
                    json.writeValueAsBytes(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of " + event.type() + " is not serialisable", e);
        }
    }
}
