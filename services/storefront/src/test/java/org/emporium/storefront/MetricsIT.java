package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The metrics every Quarkus service gets from platform/service-defaults (HttpMetrics), read from
 * /q/metrics of a real service: latency histograms with the shared buckets for the requests it
 * serves and the calls it makes, breaker states, memory and CPU, and a bounded number of series
 * however many unknown paths are asked for (docs/architecture/metrics.md).
 */
@QuarkusTest
@WithTestResource(CatalogStandInResource.class)
class MetricsIT {

    /** A sample line's labels: quoted values may hold braces (uri="/p/{sku}"). */
    private static final String LABELS = "\\{((?:[^\"}]|\"[^\"]*\")*)}";

    /** A sample line's series: the family and its labels, without the value. */
    private static final Pattern SERIES = Pattern.compile("(?m)^([a-z_]+" + LABELS + ")\\s");

    @Test
    void servedAndMadeRequestsHaveLatencyHistogramsWithTheSharedBuckets() {
        given().get("/p/AUD-000001").then().statusCode(200); // one page served, one call to the catalog

        String metrics = metrics();

        assertThat(metrics).contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/p/{sku}\",le=\"0.25\"}");
        assertThat(metrics).containsPattern("(?m)^http_client_requests_seconds_bucket\\{[^\\n]*clientName=\"catalog\""
                + "[^\\n]*le=\"0.25\"}");
        // the thirteen bounds (1 ms to 10 s) and +Inf, not Micrometer's ~70 buckets
        assertThat(buckets(metrics, "http_server_requests_seconds_bucket", "/p/{sku}"))
                .containsExactly("+Inf", "0.001", "0.002", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
                        "1.0", "10.0", "2.5", "5.0");
    }

    @Test
    void breakerStatesMemoryAndCpuAreExposed() {
        given().get("/p/AUD-000002").then().statusCode(200); // the catalog breaker's first call registers its gauge

        String metrics = metrics();

        assertThat(metrics).containsPattern("(?m)^ft_circuitbreaker_state_current\\{[^}]*method=\"[^\"]*GuardedCatalog[^\"]*\"[^}]*state=\"closed\"[^}]*} 1\\.0");
        assertThat(metrics).containsPattern("(?m)^ft_circuitbreaker_state_current\\{[^}]*state=\"open\"[^}]*} 0\\.0");
        assertThat(metrics).containsPattern("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"");
        assertThat(metrics).containsPattern("(?m)^process_resident_memory_bytes [1-9][0-9.E]+");
        assertThat(metrics).containsPattern("(?m)^process_cpu_usage ");
        assertThat(metrics).containsPattern("(?m)^system_cpu_usage ");
    }

    /**
     * A scan of unknown paths: each kind of unanswerable request (a GET the router has no page
     * for, a body over the limit, a method nothing takes) adds at most one series, whatever the path.
     */
    @Test
    void aThousandUnknownPathsAddAtMostOneSeriesPerKindOfAnswer() {
        // one request of each kind first, so the series they legitimately add exist before counting
        unknownGet();
        oversizedPost();
        unknownDelete();
        Set<String> before = requestSeries();

        for (int i = 0; i < 1000; i++) {
            switch (i % 3) {
                case 0 -> unknownGet();
                case 1 -> oversizedPost();
                default -> unknownDelete();
            }
        }

        Set<String> added = new TreeSet<>(requestSeries());
        added.removeAll(before);
        assertThat(added).as("series added by 1,000 requests to random paths").isEmpty();
        assertThat(requestSeries()).noneMatch(series -> series.contains("/scan-"));
    }

    private static void unknownGet() {
        given().get("/scan-" + UUID.randomUUID() + "/.env").then().statusCode(404);
    }

    private static void oversizedPost() {
        given().body(new byte[300 * 1024]).contentType("application/octet-stream")
                .post("/scan-" + UUID.randomUUID()).then().statusCode(413);
    }

    private static void unknownDelete() {
        int status = given().delete("/scan-" + UUID.randomUUID()).then().extract().statusCode();
        assertThat(status).isBetween(400, 499);
    }

    private static Set<String> requestSeries() {
        Set<String> series = new TreeSet<>();
        Matcher m = SERIES.matcher(metrics());
        while (m.find()) {
            if (m.group(1).startsWith("http_server_requests_seconds_count{")) {
                series.add(m.group(1));
            }
        }
        return series;
    }

    private static Set<String> buckets(String metrics, String family, String uri) {
        Set<String> bounds = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^" + family + LABELS).matcher(metrics);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("uri=\"" + uri + "\"") && labels.contains("status=\"200\"")) {
                Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(labels);
                if (le.find()) {
                    bounds.add(le.group(1));
                }
            }
        }
        return bounds;
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
