package org.emporium.platform.defaults;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * What the HTTP metrics on {@code /q/metrics} look like in every service (docs/architecture/metrics.md):
 * latency histograms with the same fixed buckets for server and client requests, and one {@code uri}
 * value for all requests that no route matched.
 */
public class HttpMetrics {

    /** The timers that get buckets: requests served, and requests made with the REST client. */
    static final Set<String> LATENCY_TIMERS = Set.of("http.server.requests", "http.client.requests");

    /**
     * The bucket bounds (le) of every HTTP latency histogram, the same in the gateway
     * (management.metrics.distribution.slo there). Thirteen explicit bounds from 1 ms to 10 s rather
     * than Micrometer's percentiles-histogram: that one has some 70 buckets over the same range per
     * series (method x uri x status x outcome), which multiplies a service's series tenfold for
     * precision nobody reads. These bounds give p50/p95/p99 within a bucket's width where our
     * latencies live (1 ms to a few hundred ms), still say which side of the 1 s, 2.5 s and 5 s
     * timeouts a request fell, and are the same everywhere, so histograms of different services and
     * of the gateway can be added up. Above 10 s is +Inf: only the orders' event streams last that long.
     */
    static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    /** The uri of a request that matched no route and failed (as Spring's {@code UNKNOWN}). */
    static final String UNMATCHED = "UNKNOWN";

    /** Quarkus REST puts the matched resource method's path template here (its micrometer binder reads it). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    @Produces
    @Singleton
    MeterFilter latencyHistograms() {
        double[] nanos = new double[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            nanos[i] = BUCKETS[i].toNanos();
        }
        DistributionStatisticConfig histogram = DistributionStatisticConfig.builder()
                .percentilesHistogram(false)
                .serviceLevelObjectives(nanos)
                .build();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getType() == Meter.Type.TIMER && LATENCY_TIMERS.contains(id.getName())
                        ? histogram.merge(config)
                        : config;
            }
        };
    }

    /**
     * One {@code uri} value for every failed request no route matched. Quarkus already says
     * {@code NOT_FOUND} for an unmatched 404, but any other error before routing (401 from a path
     * policy, 405, 413 from the body limit, 400 for a malformed path) carried the raw path, so a scan
     * of random paths made a series per path. A matched request keeps its template
     * ({@code /api/catalog/products/{sku}}); successful answers without a template (static files)
     * are bounded by what the service serves and keep their path.
     */
    @Produces
    @Singleton
    HttpServerMetricsTagsContributor unmatchedPaths() {
        return context -> {
            int status = context.response().statusCode();
            if (status < 400 || context.requestContextLocalData(URL_PATH_TEMPLATE) != null) {
                return Tags.empty();
            }
            return Tags.of("uri", status == 404 ? "NOT_FOUND" : UNMATCHED);
        };
    }
}
