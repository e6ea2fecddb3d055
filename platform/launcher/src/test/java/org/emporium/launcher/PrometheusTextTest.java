package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text format as a Quarkus service serves it at /q/metrics (a scrape of orders, in test resources). */
class PrometheusTextTest {

    static String resource(String name) {
        try (InputStream in = PrometheusTextTest.class.getResourceAsStream("/metrics/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsEverySampleOfAScrapeWithItsLabelsAndSkipsComments() {
        PrometheusText scrape = PrometheusText.parse(resource("orders-1.txt"));

        assertThat(scrape.samples()).hasSize(3 * 16 + 1 + 3 + 2 + 6 + 1 + 2 + 1 + 1 + 1);
        assertThat(scrape.samples()).noneMatch(s -> s.name().startsWith("#"));
        assertThat(scrape.samples().get(0)).isEqualTo(new PrometheusText.Sample("http_server_requests_seconds_bucket",
                Map.of("method", "GET", "outcome", "SUCCESS", "status", "200", "uri", "/api/orders/{id}", "le", "0.001"),
                0.0));
        assertThat(scrape.sum("http_server_requests_seconds_count")).isEqualTo(407);
        assertThat(scrape.sum("http_server_requests_seconds_count", s -> s.label("status").startsWith("5"))).isEqualTo(3);
        assertThat(scrape.sum("emporium_kafka_consumer_lag_records")).isEqualTo(4);
        assertThat(scrape.sum("jvm_memory_used_bytes", s -> s.label("area").equals("heap"))).isEqualTo(24_118_784);
    }

    @Test
    void sumsAHistogramsBucketsByUpperBoundWithPlusInf() {
        var buckets = PrometheusText.parse(resource("orders-1.txt")).buckets("http_server_requests_seconds", s -> true);

        assertThat(buckets).hasSize(14);
        assertThat(buckets.firstEntry().getValue()).isEqualTo(4);
        assertThat(buckets.lastKey()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(buckets.lastEntry().getValue()).isEqualTo(407);
    }

    @Test
    void unescapesLabelValuesAndIgnoresTimestampsAndNaNInSums() {
        PrometheusText scrape = PrometheusText.parse(resource("orders-1.txt"));

        assertThat(scrape.samples()).filteredOn(s -> s.name().equals("storefront_behaviour_failures_total")).singleElement()
                .satisfies(s -> {
                    assertThat(s.label("reason")).isEqualTo("say \"hi\"\\ there\n");
                    assertThat(s.value()).isEqualTo(2.0);
                });
        assertThat(scrape.has("worker_pool_queue_delay_seconds_max")).isTrue();
        assertThat(scrape.sum("worker_pool_queue_delay_seconds_max")).isZero();
    }

    @Test
    void readsARealScrapeOfCatalogWithExemplarsAndTheOpenMetricsEnd() {
        // curl http://127.0.0.1:8101/q/metrics of a running system (OpenMetrics: exemplars after " # ", "# EOF")
        PrometheusText scrape = PrometheusText.parse(resource("catalog-live.txt"));

        assertThat(scrape.count("http_server_requests_seconds_count", s -> true)).isEqualTo(3);
        assertThat(scrape.sum("http_server_requests_seconds_count")).isEqualTo(2262);
        var buckets = scrape.buckets("http_server_requests_seconds", s -> true);
        assertThat(buckets).hasSize(14);
        assertThat(buckets.lastEntry().getValue()).isEqualTo(2262);
        assertThat(scrape.has("process_cpu_usage")).isTrue();
        assertThat(scrape.has("emporium_outbox_backlog_events")).isTrue();
        assertThat(Histogram.quantile(0.99, buckets)).isBetween(0.001, 10.0);
    }

    @Test
    void aLineItCannotReadIsSkippedNotFatal() {
        PrometheusText scrape = PrometheusText.parse("""
                good 1
                {no_name="x"} 2
                unclosed{a="b 3
                novalue{a="b"}
                notanumber{a="b"} many
                spaced{a="b",} 4e2
                infinite -Inf
                """);

        assertThat(scrape.samples()).extracting(PrometheusText.Sample::name).containsExactly("good", "spaced", "infinite");
        assertThat(scrape.sum("spaced", s -> s.label("a").equals("b"))).isEqualTo(400);
    }
}
