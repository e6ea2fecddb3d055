package org.emporium.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code ./emporium top}: one row per running component, from two readings a second (or
 * {@code --interval}) apart: requests per second, the share of 5xx, p99 latency over the interval
 * (from the latency histogram's bucket deltas), CPU, PSS, open circuit breakers, consumer lag and
 * outbox backlog, and health. Readings come from a {@link Source}: the real one scrapes each
 * component's metrics URL ({@link Topology#metricsUrl}) and reads {@code /proc}; tests give fakes.
 */
final class Top {

    /** p99 above this is shown in yellow. */
    static final double SLOW_P99_SECONDS = 0.5;
    /** An error share above this (in %) is shown in red. */
    static final double ERROR_PERCENT_ALERT = 1.0;

    static final String REQUESTS = "http_server_requests_seconds";
    static final String CONSUMER_LAG = "emporium_kafka_consumer_lag_records";
    static final String OUTBOX_BACKLOG = "emporium_outbox_backlog_events";
    static final String QUARKUS_BREAKER = "ft_circuitbreaker_state_current";
    static final String GATEWAY_BREAKER = "resilience4j_circuitbreaker_state";

    /**
     * What was read of one component at one moment.
     *
     * @param metrics its scrape; null when it has no metrics URL or did not answer
     * @param metricsError why its metrics could not be read (null when they were, or it has none)
     * @param cpu       the CPU time its process (tree) has used so far; null when unknown
     */
    record Reading(long nanos, String health, PrometheusText metrics, String metricsError, Duration cpu,
                   Memory.Usage memory) {
    }

    /** Reads one component of the state file. */
    @FunctionalInterface
    interface Source {
        Reading read(RunState.Entry component);
    }

    /**
     * One line of the view. Null numbers are unknown (no metrics, or not two readings yet).
     *
     * @param note why a number is missing: "metrics: no answer", ...
     */
    record Row(String name, String health, Double requestsPerSecond, Double errorPercent, Double p99Seconds,
               Double cpuPercent, long pssMb, Integer openBreakers, Double lag, boolean lagGrowing, Double outbox,
               String note) {

        boolean down() {
            return health.equals("down");
        }
    }

    private final Supplier<List<RunState.Entry>> components;
    private final Source source;
    private final Map<String, Reading> previous = new HashMap<>();

    Top(Supplier<List<RunState.Entry>> components, Source source) {
        this.components = components;
        this.source = source;
    }

    /** Reads every component (at the same time: one that hangs delays no other) and compares with the reading before. */
    List<Row> frame() {
        List<RunState.Entry> entries = components.get();
        List<Reading> readings = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Reading>> futures = entries.stream().map(e -> pool.submit(() -> source.read(e))).toList();
            for (Future<Reading> f : futures) {
                try {
                    readings.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    readings.add(new Reading(System.nanoTime(), "down", null, "unreadable: " + e.getCause(), null,
                            Memory.Usage.NONE));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i).name();
            Reading now = readings.get(i);
            rows.add(row(name, previous.get(name), now));
            previous.put(name, now);
        }
        return rows;
    }

    /** A row from the reading before (null at the first) and the one now. */
    static Row row(String name, Reading before, Reading now) {
        PrometheusText m = now.metrics();
        PrometheusText b = before == null ? null : before.metrics();
        double seconds = before == null ? 0 : (now.nanos() - before.nanos()) / 1e9;
        Double rps = null;
        Double errors = null;
        Double p99 = null;
        Double cpu = null;
        if (before != null && before.cpu() != null && now.cpu() != null && seconds > 0) {
            cpu = Math.max(0, (now.cpu().toNanos() - before.cpu().toNanos()) / 1e9 / seconds * 100);
        }
        // both scrapes answered: no series yet is no request yet
        if (m != null && b != null && seconds > 0) {
            double all = counted(b, m, s -> true);
            double failed = counted(b, m, s -> s.label("status").startsWith("5"));
            rps = all / seconds;
            errors = all > 0 ? 100 * failed / all : null;
            NavigableMap<Double, Double> buckets = Histogram.delta(b.buckets(REQUESTS, Top::served),
                    m.buckets(REQUESTS, Top::served));
            double q = Histogram.quantile(0.99, buckets);
            p99 = Double.isNaN(q) ? null : q;
        }
        Integer breakers = null;
        Double lag = null;
        Double outbox = null;
        boolean lagGrowing = false;
        if (m != null) {
            if (m.has(QUARKUS_BREAKER) || m.has(GATEWAY_BREAKER)) {
                breakers = (int) (m.count(QUARKUS_BREAKER, Top::open) + m.count(GATEWAY_BREAKER, Top::open));
            }
            if (m.has(CONSUMER_LAG)) {
                lag = m.sum(CONSUMER_LAG);
                lagGrowing = b != null && b.has(CONSUMER_LAG) && lag > b.sum(CONSUMER_LAG);
            }
            // NaN until the relay's first count: unknown, not 0
            if (m.count(OUTBOX_BACKLOG, s -> !Double.isNaN(s.value())) > 0) {
                outbox = m.sum(OUTBOX_BACKLOG);
            }
        }
        String note = now.metricsError() != null ? "metrics: " + now.metricsError() : "";
        return new Row(name, now.health(), rps, errors, p99, cpu, now.memory().pssMb(), breakers, lag, lagGrowing,
                outbox, note);
    }

    /** Requests the component served, not its management endpoints (the scrapes themselves, probes). */
    private static boolean served(PrometheusText.Sample s) {
        String uri = s.label("uri");
        return !uri.startsWith("/q/") && !uri.startsWith("/actuator");
    }

    private static boolean open(PrometheusText.Sample s) {
        return s.label("state").equals("open") && s.value() == 1;
    }

    /** Requests counted between two scrapes (those since a restart when the count went down). */
    private static double counted(PrometheusText before, PrometheusText now, Predicate<PrometheusText.Sample> where) {
        Predicate<PrometheusText.Sample> both = where.and(Top::served);
        double then = before.sum(REQUESTS + "_count", both);
        double current = now.sum(REQUESTS + "_count", both);
        return current >= then ? current - then : current;
    }

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    /** The view: a header, one line per row, what is red and yellow coloured when {@code colour}. */
    static String render(List<Row> rows, boolean colour, Duration interval) {
        int width = Math.max("component".length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String format = "%-" + width + "s  %-9s %8s %6s %8s %6s %7s %8s %8s %7s  %s";
        StringBuilder out = new StringBuilder();
        String header = String.format(Locale.ROOT, format, "component", "health", "req/s", "err%", "p99", "cpu%", "PSS",
                "breakers", "lag", "outbox", "");
        out.append(colour ? BOLD + header.stripTrailing() + RESET : header.stripTrailing()).append('\n');
        for (Row r : rows) {
            String[] cells = {
                    pad(r.name(), -width),
                    pad(r.health(), -9),
                    pad(r.requestsPerSecond() == null ? "-" : decimal(r.requestsPerSecond()), 8),
                    pad(r.errorPercent() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.errorPercent()), 6),
                    pad(r.p99Seconds() == null ? "-" : millis(r.p99Seconds()), 8),
                    pad(r.cpuPercent() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.cpuPercent()), 6),
                    pad(r.pssMb() > 0 ? r.pssMb() + " MB" : "-", 7),
                    pad(r.openBreakers() == null ? "-" : r.openBreakers() == 0 ? "closed" : r.openBreakers() + " open", 8),
                    pad(r.lag() == null ? "-" : whole(r.lag()) + (r.lagGrowing() ? "↑" : ""), 8),
                    pad(r.outbox() == null ? "-" : whole(r.outbox()), 7),
                    r.note()};
            if (colour) {
                cells[1] = paint(cells[1], r.down() ? RED : r.health().equals("up") ? null : YELLOW);
                cells[3] = paint(cells[3], r.errorPercent() != null && r.errorPercent() > ERROR_PERCENT_ALERT ? RED : null);
                cells[4] = paint(cells[4], r.p99Seconds() != null && r.p99Seconds() > SLOW_P99_SECONDS ? YELLOW : null);
                cells[7] = paint(cells[7], r.openBreakers() != null && r.openBreakers() > 0 ? RED : null);
                cells[8] = paint(cells[8], r.lagGrowing() ? RED : null);
                cells[10] = paint(cells[10], r.note().isEmpty() ? null : YELLOW);
            }
            out.append(String.join(" ", cells[0], " " + cells[1], cells[2], cells[3], cells[4], cells[5], cells[6],
                    cells[7], cells[8], cells[9], " " + cells[10]).stripTrailing()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "rates, errors (5xx) and p99 over the last %s; CPU in %% of one core; "
                + "memory is PSS%n", seconds(interval)));
        return out.toString();
    }

    private static String paint(String cell, String colour) {
        return colour == null ? cell : colour + cell + RESET;
    }

    private static String pad(String text, int width) {
        return String.format(Locale.ROOT, "%" + width + "s", text);
    }

    private static String decimal(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String millis(double seconds) {
        return seconds >= 1 ? String.format(Locale.ROOT, "%.2f s", seconds) : String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
    }

    private static String seconds(Duration interval) {
        double s = interval.toMillis() / 1000.0;
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }
}
