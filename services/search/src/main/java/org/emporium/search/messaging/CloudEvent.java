package org.emporium.search.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reading of CloudEvents 1.0 structured-mode JSON records, shared by the catalog and inventory
 * events: the envelope check and the field readers that turn a bad field into a
 * {@link MalformedEvent} naming it.
 */
final class CloudEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEvent() {
    }

    /** The event object, after checking that it is one (JSON object, specversion 1.0). */
    static JsonNode read(byte[] value) throws MalformedEvent {
        if (value == null) {
            throw new MalformedEvent("no value (a Kafka tombstone)");
        }
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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

    static String type(JsonNode event) {
        return event.path("type").asText("");
    }

    static String text(JsonNode node, String field, int maxLength) throws MalformedEvent {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEvent("data." + field + " is missing or not text");
        }
        if (value.asText().length() > maxLength) {
            throw new MalformedEvent("data." + field + " is longer than " + maxLength);
        }
        return value.asText();
    }

    /** A whole number of at least {@code min} that fits in a long. */
    static long integer(JsonNode data, String field, long min) throws MalformedEvent {
        JsonNode value = data.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min) {
            throw new MalformedEvent("data." + field + " is missing or not an integer of at least " + min);
        }
        return value.asLong();
    }

    static long version(JsonNode data) throws MalformedEvent {
        return integer(data, "version", 1);
    }
}
