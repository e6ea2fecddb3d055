package org.emporium.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One component's log file, read as entries: a line that carries a time starts an entry, and text
 * lines that carry none (a stack trace's, a JVM's note) are part of the text entry before them, so a
 * filter keeps or drops them together. Read from the end (the last n entries), from a time (found
 * by bisecting the file, whose entries are in time order), whole (a trace), or followed as it grows.
 */
final class LogFile {

    /** One entry: its time (the line's own, or that of the entry around it), level, trace id and text. */
    record Entry(String component, Instant time, LogLine.Level level, String traceId, List<String> lines) {
    }

    /** What {@code ./emporium logs} keeps. Null fields do not filter. */
    record Filter(Instant since, LogLine.Level level, String traceId, List<String> levelNames) {

        static final Filter NONE = new Filter(null, null, null);

        Filter(Instant since, LogLine.Level level, String traceId) {
            this(since, level, traceId, level == null ? List.of() : level.quotedNamesAtLeast());
        }

        boolean test(Entry e) {
            return (since == null || !e.time().isBefore(since))
                    // a line with no level is ordinary output: INFO
                    && (level == null || (e.level() == null ? LogLine.Level.INFO : e.level()).atLeast(level))
                    && (traceId == null || traceId.equalsIgnoreCase(e.traceId()));
        }

        /** Whether a raw line cannot belong to a kept entry, known before it is parsed (quickly: files are long). */
        boolean skips(String raw) {
            return (traceId != null && !raw.contains(traceId))
                    // a JSON line (whole in itself) without the name of a level kept in it
                    || (level != null && raw.startsWith("{") && levelNames.stream().noneMatch(raw::contains));
        }
    }

    private static final int CHUNK = 1 << 16;

    private final String component;
    private final Path path;
    private final ZoneId zone;
    /** Where the next poll of a followed file starts. */
    private long followed = -1;
    /** Grouping state carried from poll to poll. */
    private Grouper following;

    LogFile(String component, Path path, ZoneId zone) {
        this.component = component;
        this.path = path;
        this.zone = zone;
    }

    String component() {
        return component;
    }

    /**
     * The entries the filter keeps, the last {@code limit} of them (all when limit is null), in
     * file order. Only the part of the file that can hold them is read.
     */
    List<Entry> read(Filter filter, Integer limit) {
        long size = size();
        long start = filter.since() != null ? bisect(filter.since(), size) : 0;
        if (limit == null || filter.traceId() != null || filter.since() != null) {
            return lastOf(entries(start, size, filter), limit);
        }
        // from the end, a window that grows until it holds enough
        for (long window = Math.max(CHUNK, limit * 2048L); ; window *= 4) {
            long from = Math.max(start, size - window);
            List<Entry> kept = entries(from, size, filter);
            if (kept.size() >= limit || from == start) {
                return lastOf(kept, limit);
            }
        }
    }

    /** The last {@code count} lines written after offset {@code from}, as written; only the file's last 64 KiB are read. */
    List<String> lastLines(long from, int count) {
        long size = size();
        long start = Math.max(from, size - CHUNK);
        List<String> lines = new ArrayList<>();
        // a window that starts mid-line starts at the next line
        lines(start == from ? from : nextLine(start, size), size, lines::add);
        return List.copyOf(lastOf(lines, count));
    }

    /** Entries written since the last call (the first call only marks the end of the file). */
    List<Entry> poll(Filter filter) {
        long size = size();
        if (followed < 0 || size < followed) { // first call, or the file was truncated
            boolean first = followed < 0;
            followed = first ? size : 0;
            following = new Grouper(filter, e -> { });
            if (first) {
                return List.of();
            }
        }
        List<Entry> kept = new ArrayList<>();
        following.sink = kept::add;
        followed = lines(followed, size, following::accept);
        following.finish(Instant.now());
        return kept;
    }

    private List<Entry> entries(long from, long to, Filter filter) {
        List<Entry> kept = new ArrayList<>();
        Grouper grouper = new Grouper(filter, kept::add);
        // a window that starts mid-line starts at the next line
        lines(from == 0 ? 0 : nextLine(from, to), to, grouper::accept);
        grouper.finish(lastModified());
        return kept;
    }

    private static <T> List<T> lastOf(List<T> entries, Integer limit) {
        return limit == null || entries.size() <= limit ? entries : entries.subList(entries.size() - limit, entries.size());
    }

    /** Turns lines into entries, in order. */
    final class Grouper {
        private final Filter filter;
        private Consumer<Entry> sink;
        private Entry open;
        private boolean openTakesMore;
        private final List<Entry> waiting = new ArrayList<>();

        Grouper(Filter filter, Consumer<Entry> sink) {
            this.filter = filter;
            this.sink = sink;
        }

        void accept(String raw) {
            if (filter.skips(raw)) {
                if (open != null) {
                    openTakesMore = false; // what follows a skipped line is not part of the entry before it
                }
                return;
            }
            if (raw.isBlank()) { // ends what it followed (a process's banner starts so); shown as nothing
                flush();
                return;
            }
            LogLine line = LogLine.parse(raw, zone);
            if (line.time() == null && !line.json() && open != null && openTakesMore) {
                List<String> lines = new ArrayList<>(open.lines());
                lines.add(raw);
                open = new Entry(component, open.time(), open.level(), open.traceId(), lines);
                return;
            }
            flush();
            // a line with no time that continues nothing (a JVM's note as it starts) takes the next one's: see timed
            open = new Entry(component, line.time(), line.level(), line.traceId(), List.of(line.text().split("\n", -1)));
            // a text line with a time heads what follows it; a JSON line is whole
            openTakesMore = !line.json() && line.time() != null;
        }

        /** Ends the open entry; one without a time waits for the next entry's. */
        void flush() {
            if (open == null) {
                return;
            }
            if (open.time() == null) {
                waiting.add(open);
            } else {
                timed(open.time());
                emit(open);
            }
            open = null;
        }

        /** At the end of what is read: entries still without a time take {@code otherwise}. */
        void finish(Instant otherwise) {
            flush();
            timed(otherwise);
        }

        /** Entries before the first line with a time (a JVM's note as it starts) take the time of the next that has one. */
        private void timed(Instant time) {
            waiting.forEach(e -> emit(new Entry(e.component(), time, e.level(), e.traceId(), e.lines())));
            waiting.clear();
        }

        private void emit(Entry e) {
            if (filter.test(e)) {
                sink.accept(e);
            }
        }
    }

    /** The first byte offset at or after {@code since} (within a chunk): entries are in time order. */
    private long bisect(Instant since, long size) {
        long low = 0;
        long high = size;
        while (high - low > CHUNK) {
            long middle = (low + high) >>> 1;
            Instant time = firstTimeAfter(middle, size);
            if (time != null && time.isBefore(since)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private Instant firstTimeAfter(long offset, long size) {
        Instant[] found = new Instant[1];
        long end = Math.min(size, offset + 4L * CHUNK);
        lines(nextLine(offset, end), end, raw -> {
            if (found[0] == null) {
                found[0] = LogLine.parse(raw, zone).time();
            }
        });
        return found[0];
    }

    /** The offset just after the next newline at or after {@code from}, or {@code to}. */
    private long nextLine(long from, long to) {
        long[] after = {to};
        scan(from - 1, to, (line, end) -> {
            after[0] = end;
            return false;
        });
        return after[0];
    }

    /** Gives each complete line in [from, to) to {@code each}; returns the offset after the last one. */
    private long lines(long from, long to, Consumer<String> each) {
        return scan(from, to, (line, end) -> {
            each.accept(line);
            return true;
        });
    }

    private interface LineVisitor {
        /** Returns whether to go on. */
        boolean visit(String line, long end);
    }

    private long scan(long from, long to, LineVisitor visitor) {
        long consumed = Math.max(0, from);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long position = consumed;
            while (position < to) {
                buffer.clear().limit((int) Math.min(CHUNK, to - position));
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                byte[] bytes = buffer.array();
                int begin = 0;
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == '\n') {
                        line.write(bytes, begin, i - begin);
                        consumed = position + i + 1;
                        String text = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        if (!visitor.visit(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, consumed)) {
                            return consumed;
                        }
                        begin = i + 1;
                    }
                }
                line.write(bytes, begin, read - begin);
                position += read;
            }
            return consumed;
        } catch (NoSuchFileException gone) {
            return consumed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private long size() {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private Instant lastModified() {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
