package org.emporium.launcher;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chaos scenario ({@code ./emporium chaos run <file>}): a shoppers' load, a timeline of
 * {@code ./emporium chaos} commands, and what the run must show at its end. The file is YAML:
 *
 * <pre>
 * name: broker outage during a sale
 * about: Kafka stops for 30 s while shoppers check out.
 * load:
 *   duration: 120s       # how long shoppers shop
 *   browse: 20/s         # pages and searches through the gateway
 *   checkout: 4/s        # orders placed through the gateway (cart, item, order)
 *   declined: 5%         # of the orders pay with a card the provider declines
 *   products: 10         # the products the orders buy
 *   stock: 5000          # units each of them has when the run starts
 *   catalogChanges: 0.2/s  # price changes an admin makes meanwhile
 * timeline:
 *   - at: 30s
 *     chaos: kafka down 30s   # any ./emporium chaos command
 * expect:
 *   settleWithin: 30s    # every order CONFIRMED or CANCELLED this long after the last fault healed
 *   cancelledAtMost: 1%  # of the good orders (card approved, stock enough)
 * </pre>
 *
 * Everything wrong in a file is found before anything runs and said in one line naming the key.
 */
record Scenario(String name, String about, Load load, List<Step> timeline, Expect expect) {

    record Load(Duration duration, double browsePerSecond, double checkoutsPerSecond, int declinedPercent, int products,
                int stock, double catalogChangesPerSecond) {
    }

    /** One {@code ./emporium chaos} command, {@code at} after the load starts. */
    record Step(Duration at, List<String> chaos) {

        String line() {
            return String.join(" ", chaos);
        }
    }

    /** @param cancelledAtMostPercent of the good orders; null: not checked (a fault that does not heal) */
    record Expect(Duration settleWithin, Double cancelledAtMostPercent) {
    }

    /** A file that is no scenario: the message names the key and the problem. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** The longest load: a run is an experiment, not a soak test. */
    static final Duration LONGEST = Duration.ofMinutes(30);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*s");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");

    /**
     * Reads and checks a scenario file. {@code checkChaos} checks one timeline command without
     * running it and answers the problem, or null when it is fine.
     */
    static Scenario read(Path file, Function<List<String>, String> checkChaos) throws Invalid {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JacksonException e) {
            // SnakeYAML's own message is several lines with a drawing of the spot; its problem is one
            String problem = e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                    ? marked.getProblem() + " (line " + (marked.getProblemMark().getLine() + 1) + ")"
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new Invalid(file.getFileName() + ": not YAML: " + problem);
        } catch (IOException e) {
            throw new Invalid(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Invalid(file + ": not a scenario (a YAML mapping with name, load, timeline, expect)");
        }
        try {
            return of(root, checkChaos);
        } catch (Invalid e) {
            throw new Invalid(file.getFileName() + ": " + e.getMessage());
        }
    }

    static Scenario of(JsonNode root, Function<List<String>, String> checkChaos) throws Invalid {
        only(root, "", Set.of("name", "about", "load", "timeline", "expect"));
        String name = text(root, "name", true);
        String about = text(root, "about", false);

        JsonNode l = object(root, "load");
        only(l, "load.", Set.of("duration", "browse", "checkout", "declined", "products", "stock", "catalogChanges"));
        Duration duration = duration(l, "load.duration", true);
        if (duration.compareTo(Duration.ofSeconds(10)) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new Invalid("load.duration: " + l.get("duration").asText() + " is not from 10s to " + LONGEST.toMinutes() + "m");
        }
        Load load = new Load(duration, rate(l, "browse"), rate(l, "checkout"), (int) percent(l, "load.declined"),
                count(l, "products", 10, 1, 100), count(l, "stock", 10_000, 1, 1_000_000), rate(l, "catalogChanges"));
        if (load.browsePerSecond() + load.checkoutsPerSecond() + load.catalogChangesPerSecond() == 0) {
            throw new Invalid("load: no browse, checkout or catalogChanges rate: nothing would happen");
        }

        List<Step> timeline = new ArrayList<>();
        JsonNode steps = root.get("timeline");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new Invalid("timeline: a list of steps (- at: 30s, chaos: kill orders) is missing");
        }
        for (int i = 0; i < steps.size(); i++) {
            String where = "timeline[" + (i + 1) + "]";
            JsonNode step = steps.get(i);
            if (!step.isObject()) {
                throw new Invalid(where + ": not a step (at: 30s, chaos: kill orders)");
            }
            only(step, where + ".", Set.of("at", "chaos"));
            Duration at = duration(step, where + ".at", true);
            if (at.compareTo(duration) >= 0) {
                throw new Invalid(where + ".at: " + step.get("at").asText() + " is not within the load's " + l.get("duration").asText());
            }
            String line = text(step, "chaos", true).strip();
            List<String> words = List.of(line.split("\\s+"));
            if (Set.of("run", "status").contains(words.getFirst())) {
                throw new Invalid(where + ".chaos: '" + line + "' injects nothing (a step is a fault, a resume or a clear)");
            }
            String problem = checkChaos.apply(words);
            if (problem != null) {
                throw new Invalid(where + ".chaos: '" + line + "': " + problem);
            }
            if (!timeline.isEmpty() && at.compareTo(timeline.getLast().at()) < 0) {
                throw new Invalid(where + ".at: " + step.get("at").asText() + " comes before the step above it");
            }
            timeline.add(new Step(at, words));
        }

        JsonNode e = root.has("expect") ? object(root, "expect") : YAML.createObjectNode();
        only(e, "expect.", Set.of("settleWithin", "cancelledAtMost"));
        Duration settle = e.has("settleWithin") ? duration(e, "expect.settleWithin", true) : Duration.ofSeconds(30);
        Double cancelled = e.has("cancelledAtMost") ? percent(e, "expect.cancelledAtMost") : null;
        return new Scenario(name, about, load, List.copyOf(timeline), new Expect(settle, cancelled));
    }

    // ---- the values ------------------------------------------------------------------------------

    private static void only(JsonNode node, String prefix, Set<String> known) throws Invalid {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                throw new Invalid(prefix + key + ": unknown key (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static JsonNode object(JsonNode parent, String key) throws Invalid {
        JsonNode node = parent.get(key);
        if (node == null || !node.isObject()) {
            throw new Invalid(key + ": missing, or not a mapping");
        }
        return node;
    }

    private static String text(JsonNode parent, String key, boolean required) throws Invalid {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Invalid(key + ": missing");
            }
            return "";
        }
        if (!node.isValueNode() || node.asText().isBlank()) {
            throw new Invalid(key + ": not a text");
        }
        return node.asText();
    }

    static Duration duration(JsonNode parent, String where, boolean required) throws Invalid {
        String key = where.substring(where.lastIndexOf('.') + 1);
        String text = text(parent, key, required);
        return Chaos.parsedDuration(text).orElseThrow(() -> new Invalid(where + ": '" + text
                + "' is no duration (e.g. 300ms, 30s, 2m)"));
    }

    private static double rate(JsonNode load, String key) throws Invalid {
        if (!load.has(key)) {
            return 0;
        }
        String text = text(load, key, true);
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches() || Double.parseDouble(m.group(1)) > 1_000) {
            throw new Invalid("load." + key + ": '" + text + "' is no rate from 0/s to 1000/s (e.g. 20/s)");
        }
        return Double.parseDouble(m.group(1));
    }

    private static double percent(JsonNode parent, String where) throws Invalid {
        String key = where.substring(where.lastIndexOf('.') + 1);
        if (!parent.has(key)) {
            return 0;
        }
        String text = text(parent, key, true);
        Matcher m = PERCENT.matcher(text.strip());
        if (!m.matches() || Double.parseDouble(m.group(1)) > 100) {
            throw new Invalid(where + ": '" + text + "' is not a percentage from 0 to 100 (e.g. 5%)");
        }
        return Double.parseDouble(m.group(1));
    }

    private static int count(JsonNode load, String key, int otherwise, int min, int max) throws Invalid {
        JsonNode node = load.get(key);
        if (node == null) {
            return otherwise;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            throw new Invalid("load." + key + ": '" + node.asText() + "' is not a whole number from " + min + " to " + max);
        }
        return node.asInt();
    }
}
