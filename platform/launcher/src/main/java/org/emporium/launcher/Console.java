package org.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The terminal: launcher progress, and every process's log lines under a coloured name. JSON
 * log lines (the services') are shown as "time level message"; the files keep the JSON.
 */
public final class Console {

    private static final String[] COLOURS = {"36", "32", "33", "35", "34", "96", "92", "93", "95", "94", "91"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final boolean colour;
    private final boolean quiet;
    private final Map<String, String> colours = new ConcurrentHashMap<>();
    private int width = 10;

    public Console(PrintStream out, boolean colour, boolean quiet) {
        this.out = out;
        this.colour = colour;
        this.quiet = quiet;
    }

    public void register(String name) {
        colours.computeIfAbsent(name, n -> COLOURS[colours.size() % COLOURS.length]);
        width = Math.max(width, name.length());
    }

    public synchronized void progress(String message) {
        out.println(paint("1", "▸ ") + message);
    }

    public synchronized void ok(String message) {
        out.println(paint("32", "✓ ") + message);
    }

    public synchronized void fail(String message) {
        out.println(paint("31", "✗ " + message));
    }

    public synchronized void plain(String message) {
        out.println(message);
    }

    /** One log line of a process; shown unless quiet (the file has it regardless). */
    public void line(String name, String raw) {
        if (quiet) {
            return;
        }
        String text = readable(raw);
        synchronized (this) {
            out.println(paint(colours.getOrDefault(name, "37"), String.format("%-" + width + "s │ ", name)) + text);
        }
    }

    static String readable(String raw) {
        if (!raw.startsWith("{")) {
            return raw;
        }
        try {
            JsonNode node = JSON.readTree(raw);
            // Quarkus writes "level"; Spring Boot's ECS format nests it as log.level
            String level = first(node, "level");
            if (level == null && node.path("log").has("level")) {
                level = node.path("log").path("level").asText();
            }
            String message = first(node, "message");
            if (message == null) {
                return raw;
            }
            String error = first(node, "exception");
            if (error == null && node.path("error").has("stack_trace")) {
                error = node.path("error").path("stack_trace").asText();
            }
            return LocalTime.now().format(TIME) + " " + (level == null ? "" : String.format("%-5s ", level))
                    + message + (error == null ? "" : "\n" + error);
        } catch (Exception notJson) {
            return raw;
        }
    }

    private static String first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return value.isTextual() ? value.asText() : value.toString();
            }
        }
        return null;
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
