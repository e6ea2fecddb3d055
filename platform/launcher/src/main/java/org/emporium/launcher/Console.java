package org.emporium.launcher;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The terminal: launcher progress, each component's state, and (when asked) every process's log
 * lines under a coloured name. On an interactive terminal the states are one live table, redrawn
 * in place; elsewhere (CI, a file) each change is one plain line. JSON log lines (the services')
 * are shown as "time level message", at the time they carry; the log files keep the JSON.
 */
public final class Console {

    /** How a state reads: still going, done, or failed. */
    public enum Mark { WORKING, DONE, FAILED }

    private record Row(String state, Mark mark, long since) {
    }

    private static final String[] COLOURS = {"36", "32", "33", "35", "34", "96", "92", "93", "95", "94", "91"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintStream out;
    private final boolean colour;
    private final boolean quiet;
    private final Map<String, String> colours = new ConcurrentHashMap<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private int width = 10;
    /** Whether states are a table redrawn in place (an interactive terminal), and its height now. */
    private boolean live;
    private int drawn;
    private Thread ticker;

    public Console(PrintStream out, boolean colour, boolean quiet) {
        this.out = out;
        this.colour = colour;
        this.quiet = quiet;
    }

    /**
     * Shows the states as a table redrawn in place until {@link #endTable()}; only for an
     * interactive terminal that does not also show the processes' logs.
     */
    public synchronized void liveTable() {
        live = true;
        ticker = Thread.ofPlatform().daemon().name("console-ticker").start(() -> {
            try {
                while (true) {
                    Thread.sleep(500);
                    synchronized (this) {
                        if (!live) {
                            return;
                        }
                        redraw();
                    }
                }
            } catch (InterruptedException e) {
                // the table is finished
            }
        });
    }

    /** Leaves the table as it is on screen; later states are plain lines. */
    public synchronized void endTable() {
        if (live) {
            redraw();
            live = false;
            drawn = 0;
            ticker.interrupt();
        }
    }

    /** A component's state changed: its row in the table, or one line. */
    public synchronized void status(String name, String state, Mark mark) {
        rows.put(name, new Row(state, mark, System.nanoTime()));
        if (live) {
            redraw();
        } else if (!state.startsWith("waiting")) { // as lines, only what happens
            out.println(glyph(mark) + name + " " + state);
        }
    }

    private void redraw() {
        StringBuilder frame = new StringBuilder();
        if (drawn > 0) {
            frame.append("\u001b[").append(drawn).append("F"); // back to the table's first line
        }
        for (Map.Entry<String, Row> entry : rows.entrySet()) {
            Row row = entry.getValue();
            String elapsed = row.mark() == Mark.WORKING && !row.state().startsWith("waiting")
                    ? String.format(" %d s", (System.nanoTime() - row.since()) / 1_000_000_000L) : "";
            frame.append("\u001b[2K  ").append(String.format("%-" + width + "s ", entry.getKey()))
                    .append(glyph(row.mark())).append(row.state()).append(elapsed).append('\n');
        }
        drawn = rows.size();
        out.print(frame);
        out.flush();
    }

    private String glyph(Mark mark) {
        return switch (mark) {
            case WORKING -> paint("1", "▸ ");
            case DONE -> paint("32", "✓ ");
            case FAILED -> paint("31", "✗ ");
        };
    }

    /** Prints a message above the live table (or as one line when there is none). */
    private void above(String line) {
        if (live && drawn > 0) {
            out.print("\u001b[" + drawn + "F\u001b[0J");
            drawn = 0;
            out.println(line);
            redraw();
        } else {
            out.println(line);
        }
    }

    public void register(String name) {
        colours.computeIfAbsent(name, n -> COLOURS[colours.size() % COLOURS.length]);
        width = Math.max(width, name.length());
    }

    public synchronized void progress(String message) {
        above(paint("1", "▸ ") + message);
    }

    public synchronized void ok(String message) {
        above(paint("32", "✓ ") + message);
    }

    public synchronized void fail(String message) {
        above(paint("31", "✗ " + message));
    }

    public synchronized void plain(String message) {
        above(message);
    }

    /** Whether the processes' log lines are shown here ({@code ./emporium up --logs}). */
    public boolean echoesLogs() {
        return !quiet;
    }

    /** One log line of a process; shown unless quiet (the file has it regardless). */
    public void line(String name, String raw) {
        if (quiet) {
            return;
        }
        entry(name, readable(raw));
    }

    /** A log line for a person: a JSON line as "time level message" (its own time), any other line as it is. */
    static String readable(String raw) {
        LogLine line = LogLine.parse(raw);
        if (!line.json()) {
            return raw;
        }
        return (line.time() == null ? LocalTime.now() : LocalTime.ofInstant(line.time(), ZoneId.systemDefault())).format(TIME)
                + " " + line.text();
    }

    /** One entry of {@code ./emporium logs} under its component's coloured name (printed even when quiet). */
    public synchronized void entry(String name, String text) {
        above(paint(colours.getOrDefault(name, "37"), String.format("%-" + width + "s │ ", name)) + text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
