package org.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./emporium logs} shows: the entries of several components' log files, filtered,
 * merged in the order of their own times, and followed as the files grow.
 */
final class LogView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final Comparator<LogFile.Entry> BY_TIME =
            Comparator.comparing(LogFile.Entry::time, Comparator.nullsFirst(Comparator.naturalOrder()));
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final List<LogFile> files;
    private final ZoneId zone;

    LogView(Path logs, List<String> components, ZoneId zone) {
        this.zone = zone;
        this.files = components.stream().map(c -> new LogFile(c, logs.resolve(c + ".log"), zone)).toList();
    }

    /**
     * The components {@code logs} knows: the graph's, and any other with a log file (the build's,
     * a start-up cache's training run), which are shown only when named.
     */
    static List<String> known(Path logs) {
        TreeSet<String> names = new TreeSet<>(Topology.GRAPH.stream().map(Node::name).toList());
        names.addAll(withFiles(logs));
        return List.copyOf(names);
    }

    /** The components that have a log file, by name. */
    static List<String> withFiles(Path logs) {
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (var files = Files.list(logs)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".log"))
                    .map(f -> f.substring(0, f.length() - ".log".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + logs, e);
        }
    }

    /** Those shown when none is named: the graph's components, in the graph's order (a file may appear while followed). */
    static List<String> defaults() {
        return Topology.GRAPH.stream().map(Node::name).toList();
    }

    /**
     * The components to show for the names given (none: {@link #defaults()}): a service's name
     * stands for all its copies that have a log file ({@code catalog}: catalog, catalog-2, …), a
     * copy's name for that copy alone.
     */
    static List<String> shown(List<String> names, Path logs) {
        List<String> asked = names.isEmpty() ? defaults() : names.stream().distinct().toList();
        List<String> shown = new ArrayList<>();
        for (String name : asked) {
            shown.add(name);
            withFiles(logs).stream().filter(f -> !f.equals(name) && Instances.service(f).equals(name))
                    .sorted(java.util.Comparator.comparingInt(Instances::index)).forEach(shown::add);
        }
        return shown.stream().distinct().toList();
    }

    /** The last {@code limit} entries (all when null) the filter keeps, of every file, in time order. */
    List<LogFile.Entry> history(LogFile.Filter filter, Integer limit) {
        List<List<LogFile.Entry>> each = new ArrayList<>();
        for (LogFile file : files) {
            each.add(file.read(filter, limit));
        }
        List<LogFile.Entry> merged = merge(each);
        return limit == null || merged.size() <= limit ? merged : merged.subList(merged.size() - limit, merged.size());
    }

    /** Entries of several files as one list in time order; equal times keep the files' order and each file's. */
    static List<LogFile.Entry> merge(List<List<LogFile.Entry>> files) {
        List<LogFile.Entry> all = new ArrayList<>();
        files.forEach(all::addAll);
        all.sort(BY_TIME); // stable
        return all;
    }

    /**
     * Shows what the files gain, every {@code interval}, until {@code stopped}: what each poll found,
     * in time order. Call after {@link #history} (or not at all): it starts at the files' ends now.
     */
    void follow(LogFile.Filter filter, Consumer<LogFile.Entry> out, BooleanSupplier stopped, Duration interval)
            throws InterruptedException {
        files.forEach(f -> f.poll(filter));
        while (!stopped.getAsBoolean()) {
            Thread.sleep(interval.toMillis()); // a poll's pace, not a wait for something to happen
            List<List<LogFile.Entry>> each = new ArrayList<>();
            for (LogFile file : files) {
                each.add(file.poll(filter));
            }
            merge(each).forEach(out);
        }
    }

    /** An entry as shown after its component's name: its own time (with the day when not today), then its text. */
    String format(LogFile.Entry entry, LocalDate today) {
        ZonedDateTime at = entry.time().atZone(zone);
        return (at.toLocalDate().equals(today) ? TIME : DAY_AND_TIME).format(at) + " " + String.join("\n", entry.lines());
    }

    /**
     * {@code --since}: a duration back from {@code now} (30s, 5m, 2h, 1d, or ISO-8601's PT5M) or a
     * time (2026-12-05T19:00:00Z, or without a zone in this machine's).
     */
    static Instant since(String value, Instant now, ZoneId zone) {
        String text = value.strip();
        Matcher duration = DURATION.matcher(text);
        if (duration.matches()) {
            long amount = Long.parseLong(duration.group(1));
            return now.minus(switch (duration.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                return now.minus(Duration.parse(text));
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return java.time.OffsetDateTime.parse(text).toInstant();
            }
            return java.time.LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is neither a duration (30s, 5m, 2h, 1d) nor a time "
                    + "(2026-12-05T19:00:00Z, or 2026-12-05T19:00:00 in this machine's zone)");
        }
    }
}
