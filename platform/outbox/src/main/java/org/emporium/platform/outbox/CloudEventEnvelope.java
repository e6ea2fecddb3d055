package org.emporium.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A CloudEvent in structured JSON mode, as every Emporium topic carries it, reduced to what a
 * consumer dispatches on: its {@code type} and its {@code data} object.
 */
public record CloudEventEnvelope(String type, JsonNode data) {

    /** A record that is not such an event; the message says why without quoting values. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    public static CloudEventEnvelope read(ObjectMapper json, byte[] value) throws Unreadable {
        JsonNode event;
        try {
            event = value == null ? null : json.readTree(value);
        } catch (IOException e) {
            throw new Unreadable("not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new Unreadable("not a JSON object");
        }
        JsonNode data = event.path("data");
        if (!data.isObject()) {
            throw new Unreadable("data is not an object");
        }
        return new CloudEventEnvelope(event.path("type").asText(""), data);
    }
}
