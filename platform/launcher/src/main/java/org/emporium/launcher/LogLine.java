package org.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One line of a log file, read: its own time, level and trace id when it says them, and its text
 * without the time. The services write JSON (Quarkus: {@code timestamp}, {@code level},
 * {@code traceId}; Spring's ECS: {@code @timestamp}, {@code log.level}, {@code traceId}); the
 * infrastructure writes text that starts with a time in one of a few shapes (Zipkin and Kafka
 * ISO-8601, GreenMail and PostgreSQL with a space, Redis its own), or with none (a JVM's note, a
 * stack trace's line, which belong to the line before them).
 *
 * @param time  when the line says it was written, or null when it does not say
 * @param level its level, or null when it has none that is known
 * @param traceId the trace it belongs to (JSON lines only), or null
 * @param text  what to show after the time: for JSON "LEVEL message" and the error, if any; for
 *              text the line without its leading time
 * @param json  whether it was a JSON object (complete in itself: nothing continues it)
 */
public record LogLine(Instant time, Level level, String traceId, String text, boolean json) {

    /** Levels from least to most severe; other frameworks' names map onto them. */
    public enum Level {
        TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

        /** The level a name means (WARNING, SEVERE, FINE, PostgreSQL's LOG ...), or null when none. */
        public static Level of(String name) {
            if (name == null) {
                return null;
            }
            return switch (name.strip().toUpperCase(Locale.ROOT)) {
                case "TRACE", "FINEST", "FINER", "ALL" -> TRACE;
                case "DEBUG", "FINE", "CONFIG", "DEBUG1", "DEBUG2", "DEBUG3", "DEBUG4", "DEBUG5" -> DEBUG;
                case "INFO", "LOG", "NOTICE", "INFORMATION" -> INFO;
                case "WARN", "WARNING" -> WARN;
                case "ERROR", "SEVERE", "ERR" -> ERROR;
                case "FATAL", "PANIC", "CRITICAL" -> FATAL;
                default -> null;
            };
        }

        /** The names {@link #of} reads as this level or a more severe one, as a JSON string ("ERROR" in quotes). */
        public List<String> quotedNamesAtLeast() {
            return Stream.of("TRACE", "FINEST", "FINER", "ALL", "DEBUG", "FINE", "CONFIG", "INFO", "LOG", "NOTICE",
                            "INFORMATION", "WARN", "WARNING", "ERROR", "SEVERE", "ERR", "FATAL", "PANIC", "CRITICAL")
                    .filter(name -> of(name).atLeast(this)).map(name -> '"' + name + '"').toList();
        }

        public boolean atLeast(Level minimum) {
            return compareTo(minimum) >= 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 2026-12-05T18:34:42.873Z (Zipkin, Kafka), 2026-12-05 18:34:34,717 (GreenMail), 2026-12-05 18:34:33.289 UTC (PostgreSQL). */
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(?:[.,](\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2}| (?!TRACE|DEBUG|INFO|WARN|ERROR|FATAL)[A-Z]{2,5}(?= ))?\\s*");
    /** 12086:M 05 Dec 2026 18:34:33.289 # Server initialized (Redis; its mark says the level). */
    private static final Pattern REDIS = Pattern.compile("^\\d+:[A-Z] (\\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) ([.\\-*#]) ");
    private static final DateTimeFormatter REDIS_TIME = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ENGLISH);
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd().toFormatter();
    /** A level word near the start of a text line: "  WARN [/] 12087", "[main] INFO kafka", "LOG:  database". */
    private static final Pattern LEVEL = Pattern.compile("\\b(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE|LOG|NOTICE|PANIC)\\b");
    private static final int LEVEL_SEARCH = 60;

    /** Reads a line; times without a zone (GreenMail's, Redis') are in {@code zone}, this machine's. */
    public static LogLine parse(String raw, ZoneId zone) {
        if (raw.startsWith("{")) {
            LogLine json = json(raw);
            if (json != null) {
                return json;
            }
        }
        Matcher redis = REDIS.matcher(raw);
        if (redis.find()) {
            Instant time = LocalDateTime.parse(redis.group(1), REDIS_TIME).atZone(zone).toInstant();
            Level level = switch (redis.group(2)) {
                case "." , "-" -> Level.DEBUG;
                case "*" -> Level.INFO;
                default -> Level.WARN;
            };
            return new LogLine(time, level, null, raw.substring(redis.start(2)), false);
        }
        Matcher iso = ISO.matcher(raw);
        Instant time = iso.find() ? isoTime(iso, zone) : null;
        String text = time == null ? raw : raw.substring(iso.end());
        Matcher level = LEVEL.matcher(text);
        level.region(0, Math.min(text.length(), LEVEL_SEARCH));
        return new LogLine(time, level.find() ? Level.of(level.group(1)) : null, null, text, false);
    }

    public static LogLine parse(String raw) {
        return parse(raw, ZoneId.systemDefault());
    }

    private static Instant isoTime(Matcher iso, ZoneId zone) {
        String fraction = iso.group(3) == null ? "" : "." + iso.group(3);
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(iso.group(1) + "T" + iso.group(2) + fraction, LOCAL);
        } catch (DateTimeException e) {
            return null;
        }
        String offset = iso.group(4);
        if (offset == null) {
            return local.atZone(zone).toInstant();
        }
        try {
            ZoneId said = offset.isBlank() ? zone
                    : offset.startsWith(" ") ? ZoneId.of(offset.strip(), ZoneId.SHORT_IDS)
                    : ZoneId.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
            return local.atZone(said).toInstant();
        } catch (DateTimeException unknownZone) {
            return local.atZone(zone).toInstant();
        }
    }

    /** A JSON log line, or null when it is not one with a message. */
    private static LogLine json(String raw) {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (Exception notJson) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        // Quarkus writes "level"; Spring Boot's ECS format nests it as log.level
        String level = text(node, "level");
        if (level == null && node.path("log").has("level")) {
            level = node.path("log").path("level").asText();
        }
        String message = text(node, "message");
        if (message == null) {
            return null;
        }
        String error = text(node, "exception");
        if (error == null) {
            error = text(node, "stackTrace");
        }
        if (error == null && node.path("error").has("stack_trace")) {
            error = node.path("error").path("stack_trace").asText();
        }
        String stamp = text(node, "timestamp");
        if (stamp == null) {
            stamp = text(node, "@timestamp");
        }
        Instant time = null;
        if (stamp != null) {
            try {
                time = Instant.parse(stamp);
            } catch (DateTimeException unreadable) {
                // shown without its time; ordered with the line before it
            }
        }
        String trace = text(node, "traceId");
        if (trace == null) {
            trace = text(node, "trace_id");
        }
        if (trace == null) {
            trace = text(node.path("mdc"), "traceId");
        }
        if (trace == null) {
            trace = text(node.path("mdc"), "trace_id");
        }
        return new LogLine(time, Level.of(level), trace, (level == null ? "" : String.format("%-5s ", level))
                + message + (error == null ? "" : "\n" + error), true);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.isEmpty() ? null : text;
    }
}
