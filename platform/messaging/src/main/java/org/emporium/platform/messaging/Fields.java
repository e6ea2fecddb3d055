package org.emporium.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Typed readers over one JSON object of an event (its attributes, its {@code data}, or an object
 * inside it): each turns a missing or wrong field into a {@link MalformedEvent} that names the
 * field by its path ({@code data.price.amount}), so consumers write the mapping to their own types
 * and never the checks.
 */
public final class Fields {

    private final JsonNode node;
    private final String path;

    Fields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The raw value, a missing node if absent: for what the typed readers do not cover. */
    public JsonNode node(String field) {
        return node.path(field);
    }

    /** Non-blank text of at most {@code maxLength} characters. */
    public String text(String field, int maxLength) throws MalformedEvent {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw malformed(field, "is missing or not text");
        }
        if (value.asText().length() > maxLength) {
            throw malformed(field, "is longer than " + maxLength);
        }
        return value.asText();
    }

    /** Non-blank text of any length. */
    public String text(String field) throws MalformedEvent {
        return text(field, Integer.MAX_VALUE);
    }

    /** The text, or null when the field is absent or not text. */
    public String optionalText(String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** Non-blank text that matches {@code pattern} as a whole. */
    public String matching(String field, Pattern pattern) throws MalformedEvent {
        String value = text(field);
        if (!pattern.matcher(value).matches()) {
            throw malformed(field, "must match " + pattern);
        }
        return value;
    }

    /** A whole number of at least {@code min} that fits in a long. */
    public long integer(String field, long min) throws MalformedEvent {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min) {
            throw malformed(field, "is missing or not an integer of at least " + min);
        }
        return value.asLong();
    }

    /** A whole number of at least {@code min} that fits in an int. */
    public int count(String field, int min) throws MalformedEvent {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min) {
            throw malformed(field, "is missing or not an integer of at least " + min);
        }
        return value.asInt();
    }

    /** The aggregate's version, as every state event of the contracts carries it: at least 1. */
    public long version() throws MalformedEvent {
        return integer("version", 1);
    }

    /** A UUID in its canonical 36-character form. */
    public UUID uuid(String field) throws MalformedEvent {
        JsonNode value = node.path(field);
        try {
            if (!value.isTextual() || value.asText().length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw malformed(field, "is not a UUID");
        }
    }

    /** An RFC 3339 date-time, as CloudEvents and the contracts write them. */
    public Instant time(String field) throws MalformedEvent {
        String text = text(field, 64);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed(field, "is not a date-time");
        }
    }

    /** A nested object, read with the same checks. */
    public Fields object(String field) throws MalformedEvent {
        JsonNode value = node.path(field);
        if (!value.isObject()) {
            throw malformed(field, "must be an object");
        }
        return new Fields(value, path + field + ".");
    }

    /** An array of objects with at least {@code minItems} of them. */
    public List<Fields> array(String field, int minItems) throws MalformedEvent {
        JsonNode value = node.path(field);
        if (!value.isArray() || value.size() < minItems) {
            throw malformed(field, minItems > 0 ? "must be an array of at least " + minItems + " item(s)"
                    : "must be an array");
        }
        List<Fields> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw malformed(field, "must hold objects only");
            }
            items.add(new Fields(item, path + field + "[]."));
        }
        return items;
    }

    private MalformedEvent malformed(String field, String problem) {
        return new MalformedEvent(path + field + " " + problem);
    }
}
