package org.emporium.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Quantiles from a Prometheus histogram's cumulative buckets, as PromQL's {@code histogram_quantile} computes them. */
final class Histogram {

    private Histogram() {
    }

    /**
     * The q-quantile (0..1) of the observations counted in cumulative buckets (upper bound → count
     * of observations at most that), interpolated linearly within the bucket it falls in, as
     * Prometheus does: the lowest bucket starts at 0 (unless its bound is negative or 0); a quantile
     * in the {@code +Inf} bucket is the highest finite bound. NaN when there is no {@code +Inf}
     * bucket, fewer than two buckets, or no observation; a non-monotonic count (series that reset
     * between two scrapes) is raised to the one before, as Prometheus does.
     */
    static double quantile(double q, NavigableMap<Double, Double> cumulative) {
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (q < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (q > 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (cumulative.size() < 2 || cumulative.lastKey() != Double.POSITIVE_INFINITY) {
            return Double.NaN;
        }
        List<Double> bounds = new ArrayList<>(cumulative.keySet());
        List<Double> counts = new ArrayList<>();
        double max = 0;
        for (double c : cumulative.values()) {
            max = Math.max(max, c);
            counts.add(max);
        }
        double observations = counts.get(counts.size() - 1);
        if (observations == 0) {
            return Double.NaN;
        }
        double rank = q * observations;
        int b = 0;
        while (b < counts.size() - 1 && counts.get(b) < rank) {
            b++;
        }
        if (b == bounds.size() - 1) {
            return bounds.get(bounds.size() - 2);
        }
        if (b == 0 && bounds.get(0) <= 0) {
            return bounds.get(0);
        }
        double start = b == 0 ? 0 : bounds.get(b - 1);
        double end = bounds.get(b);
        double below = b == 0 ? 0 : counts.get(b - 1);
        double inBucket = counts.get(b) - below;
        return start + (end - start) * ((rank - below) / inBucket);
    }

    /**
     * What was observed between two scrapes: each bucket's count now less its count before. When a
     * count went down (the process restarted), the counts now are all since then.
     */
    static NavigableMap<Double, Double> delta(NavigableMap<Double, Double> before, NavigableMap<Double, Double> now) {
        NavigableMap<Double, Double> delta = new TreeMap<>();
        for (Map.Entry<Double, Double> e : now.entrySet()) {
            double d = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            if (d < 0) {
                return new TreeMap<>(now);
            }
            delta.put(e.getKey(), d);
        }
        return delta;
    }
}
