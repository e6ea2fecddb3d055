package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link Histogram#quantile} computes what PromQL's histogram_quantile does on the same buckets. */
class HistogramTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    private static NavigableMap<Double, Double> buckets(double... boundThenCount) {
        NavigableMap<Double, Double> buckets = new TreeMap<>();
        for (int i = 0; i < boundThenCount.length; i += 2) {
            buckets.put(boundThenCount[i], boundThenCount[i + 1]);
        }
        return buckets;
    }

    @Test
    void interpolatesLinearlyWithinTheBucketTheRankFallsIn() {
        // 100 observations: 50 up to 0.1 s, 40 more up to 0.5 s, 10 more up to 1 s
        NavigableMap<Double, Double> b = buckets(0.1, 50, 0.5, 90, 1.0, 100, INF, 100);

        assertThat(Histogram.quantile(0.5, b)).isCloseTo(0.1, within(1e-9));
        assertThat(Histogram.quantile(0.7, b)).isCloseTo(0.1 + 0.4 * 20 / 40, within(1e-9));
        assertThat(Histogram.quantile(0.99, b)).isCloseTo(0.5 + 0.5 * 9 / 10, within(1e-9));
        // the lowest bucket starts at 0
        assertThat(Histogram.quantile(0.25, b)).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void aRankInThePlusInfBucketIsTheHighestFiniteBound() {
        assertThat(Histogram.quantile(0.99, buckets(0.1, 10, 1.0, 50, INF, 100))).isEqualTo(1.0);
    }

    @Test
    void noObservationsNoPlusInfBucketOrOneBucketIsNaN() {
        assertThat(Histogram.quantile(0.99, buckets(0.1, 0, INF, 0))).isNaN();
        assertThat(Histogram.quantile(0.99, buckets(0.1, 5, 1.0, 9))).isNaN();
        assertThat(Histogram.quantile(0.99, buckets(INF, 9))).isNaN();
        assertThat(Histogram.quantile(Double.NaN, buckets(0.1, 5, INF, 9))).isNaN();
    }

    @Test
    void quantilesOutsideZeroToOneAreInfinite() {
        NavigableMap<Double, Double> b = buckets(0.1, 5, INF, 9);
        assertThat(Histogram.quantile(-0.1, b)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Histogram.quantile(1.1, b)).isEqualTo(INF);
    }

    @Test
    void aLowestBucketAtOrBelowZeroIsItsOwnBound() {
        assertThat(Histogram.quantile(0.1, buckets(0.0, 5, 1.0, 10, INF, 10))).isEqualTo(0.0);
    }

    @Test
    void aCountLowerThanTheBucketBelowIsRaisedToIt() {
        // what summing series that reset between scrapes can give; Prometheus repairs it the same way
        NavigableMap<Double, Double> b = buckets(0.1, 10, 0.5, 8, 1.0, 20, INF, 20);
        assertThat(Histogram.quantile(0.5, b)).isCloseTo(0.1, within(1e-9));
        assertThat(Histogram.quantile(0.75, b)).isCloseTo(0.5 + 0.5 * 5 / 10, within(1e-9));
    }

    @Test
    void theDeltaOfTwoScrapesIsWhatWasObservedBetweenThemOrAllSinceARestart() {
        NavigableMap<Double, Double> before = buckets(0.1, 10, 1.0, 12, INF, 12);
        NavigableMap<Double, Double> after = buckets(0.1, 15, 1.0, 22, INF, 23);

        assertThat(Histogram.delta(before, after)).isEqualTo(buckets(0.1, 5, 1.0, 10, INF, 11));
        assertThat(Histogram.delta(after, before)).isEqualTo(before);
        // a bucket new since the scrape before (a series that appeared with its first request)
        assertThat(Histogram.delta(buckets(INF, 1), after)).isEqualTo(buckets(0.1, 15, 1.0, 22, INF, 22));
    }
}
