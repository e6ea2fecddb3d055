package org.emporium.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ./emporium status} says: each process with its health, memory (PSS and RSS) and
 * budget, the total against the system's budget, and a line for each that is over. Built from
 * measurements, so it is tested without a running system.
 *
 * @param launcher the launcher itself: in the table and the total (it is part of the system), not in
 *                 the JSON's components
 * @param budgetMb what the whole system may hold ({@link Topology#MEMORY_BUDGET_MB})
 */
record StatusReport(Double readySeconds, List<Row> components, Row launcher, int budgetMb) {

    /** One component; {@code budgetMb} is 0 when the table gives it none; {@code restarts}, by the launcher after it died. */
    record Row(String name, long pid, int port, String url, String health, Double readySeconds, Memory.Usage usage,
               int budgetMb, int restarts) {

        boolean overBudget() {
            return budgetMb > 0 && usage.pssMb() > budgetMb;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A component's health: {@code outage} while it is down on purpose ({@code ./emporium chaos
     * down}, until {@code outageUntil}), {@code paused} while it is frozen ({@code chaos pause}),
     * {@code down} when its process is gone otherwise, else what its readiness probe says.
     */
    static String health(boolean alive, boolean paused, java.time.Instant outageUntil, java.time.Instant now,
                         java.util.function.Supplier<String> probe) {
        if (!alive) {
            return outageUntil != null && outageUntil.isAfter(now) ? "outage" : "down";
        }
        return paused ? "paused" : probe.get();
    }

    /** A line for each component down or frozen on purpose, and one for the runtime faults in force. */
    List<String> onPurpose(java.util.Map<String, java.time.Instant> outages, java.util.Set<String> runtimeFaults) {
        List<String> lines = new ArrayList<>();
        for (Row r : components) {
            if (r.health().equals("outage")) {
                lines.add(r.name() + " is down on purpose until " + outages.get(r.name())
                        + " (./emporium chaos); the launcher starts it again then");
            } else if (r.health().equals("paused")) {
                lines.add(r.name() + " is paused (SIGSTOP): ./emporium chaos resume " + r.name());
            }
        }
        if (!runtimeFaults.isEmpty()) {
            lines.add("runtime faults in force: " + String.join(", ", new java.util.TreeSet<>(runtimeFaults))
                    + " (./emporium chaos status; ./emporium chaos clear)");
        }
        return lines;
    }

    /** The launcher's row: its pid and memory, and its budget from the table. */
    static Row launcher(long pid, Memory.Usage usage) {
        return new Row("launcher", pid, 0, "", "", null, usage, Topology.LAUNCHER_BUDGET_MB, 0);
    }

    Memory.Usage total() {
        return components.stream().map(Row::usage).reduce(launcher.usage(), Memory.Usage::plus);
    }

    boolean allUp() {
        return components.stream().allMatch(r -> r.health().equals("up"));
    }

    /** One sentence per process over its budget, and one when the whole system is; empty when none is. */
    List<String> overBudget() {
        List<String> lines = new ArrayList<>();
        for (Row r : rows()) {
            if (r.overBudget()) {
                lines.add(String.format(Locale.ROOT, "%s holds %d MB (PSS), over its budget of %d MB",
                        r.name(), r.usage().pssMb(), r.budgetMb()));
            }
        }
        if (total().pssMb() > budgetMb) {
            lines.add(String.format(Locale.ROOT, "the system holds %d MB (PSS), over its budget of %d MB",
                    total().pssMb(), budgetMb));
        }
        return lines;
    }

    /** The table for a person: columns as wide as the longest name. */
    String table() {
        int width = Math.max("component".length(), components.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String row = "%-" + width + "s %8s %6s %-9s %8s %8s %8s %7s %8s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "component", "pid", "port", "health", "PSS", "RSS", "budget", "ready",
                "restarts", "address"));
        for (Row r : rows()) {
            out.append(String.format(Locale.ROOT, row, r.name(), r.pid(), r.port() > 0 ? r.port() : "", r.health(),
                    mb(r.usage().pssMb()), mb(r.usage().rssMb()), r.budgetMb() > 0 ? mb(r.budgetMb()) : "",
                    seconds(r.readySeconds()), r == launcher ? "" : r.restarts(), r.url()));
        }
        out.append(String.format(Locale.ROOT, row, "total", "", "", "", mb(total().pssMb()), mb(total().rssMb()),
                mb(budgetMb), seconds(readySeconds), components.stream().mapToInt(Row::restarts).sum(), ""));
        out.append("PSS counts a page shared by n processes 1/n in each (their sum is what the system holds); "
                + "RSS counts it in each.\n");
        return out.toString();
    }

    /** The same as JSON, in the shape tests/load's benchmark reads. */
    String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("launcherPid", launcher.pid());
        root.put("readySeconds", readySeconds);
        var array = root.putArray("components");
        for (Row r : components) {
            array.addObject()
                    .put("name", r.name())
                    .put("pid", r.pid())
                    .put("port", r.port())
                    .put("health", r.health())
                    .put("readySeconds", r.readySeconds())
                    .put("pssMb", r.usage().pssMb())
                    .put("rssMb", r.usage().rssMb())
                    .put("budgetMb", r.budgetMb())
                    .put("restarts", r.restarts())
                    // what it waited for: the benchmark finds the start's critical path with it
                    .set("startsAfter", JSON.valueToTree(Topology.startsAfter(r.name())));
        }
        root.put("totalPssMb", total().pssMb());
        root.put("totalRssMb", total().rssMb());
        root.put("budgetMb", budgetMb);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>(components);
        rows.add(launcher);
        return rows;
    }

    private static String mb(long mb) {
        return mb + " MB";
    }

    private static String seconds(Double seconds) {
        return seconds == null ? "" : String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
