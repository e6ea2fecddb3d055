package org.emporium.launcher;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Requests recorded by the second they started in (from a run's start): how many, how many failed,
 * and their latencies (HdrHistogram, 2 significant digits, up to a minute), so any stretch of a run,
 * before, during or after a fault, can be read afterwards.
 */
final class Timeline {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    private record Second(LongAdder requests, LongAdder errors, ConcurrentHistogram latencies) {
    }

    /** A stretch of the run: its requests, errors and latency percentiles. */
    record Stretch(long requests, long errors, double p50Millis, double p99Millis) {

        double errorPercent() {
            return requests == 0 ? 0 : 100.0 * errors / requests;
        }
    }

    private final long startNanos;
    private final ConcurrentHashMap<Integer, Second> seconds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    Timeline(long startNanos) {
        this.startNanos = startNanos;
    }

    /** @param error what the shopper saw instead of an answer ({@code 503}, {@code no answer}); null when it went well */
    void record(long startedNanos, long tookNanos, String error) {
        boolean failed = error != null;
        if (failed) {
            errorKinds.computeIfAbsent(error, k -> new LongAdder()).increment();
        }
        int second = (int) TimeUnit.NANOSECONDS.toSeconds(Math.max(0, startedNanos - startNanos));
        Second s = seconds.computeIfAbsent(second, k -> new Second(new LongAdder(), new LongAdder(),
                new ConcurrentHistogram(HIGHEST_MICROS, 2)));
        s.requests().increment();
        if (failed) {
            s.errors().increment();
        }
        s.latencies().recordValue(Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(tookNanos)));
    }

    /** The errors of the whole run by kind, the most frequent first: {@code 503 ×12, no answer ×3}. */
    String errorKinds() {
        return errorKinds.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .map(e -> e.getKey() + " ×" + e.getValue().sum()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The requests that started from second {@code from} (inclusive) to {@code to} (exclusive) of the run. */
    Stretch between(int from, int to) {
        long requests = 0;
        long errors = 0;
        Histogram all = new Histogram(HIGHEST_MICROS, 2);
        for (int i = from; i < to; i++) {
            Second s = seconds.get(i);
            if (s != null) {
                requests += s.requests().sum();
                errors += s.errors().sum();
                all.add(s.latencies());
            }
        }
        return new Stretch(requests, errors, all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0);
    }
}
