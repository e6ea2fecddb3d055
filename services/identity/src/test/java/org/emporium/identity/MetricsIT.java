package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Identity's metrics have the latency buckets every service shares (docs/architecture/metrics.md). */
class MetricsIT extends RunningIdentityServer {

    @Test
    void servedRequestsHaveLatencyHistogramsWithTheSharedBuckets() {
        assertThat(browser().get("/login").statusCode()).isEqualTo(200);

        String metrics = browser().get("/actuator/prometheus", "Accept", "text/plain").body();

        assertThat(metrics).containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^\\n]*uri=\"/login\"[^\\n]*le=\"0\\.25\"}");
        assertThat(metrics).containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^\\n]*uri=\"/login\"[^\\n]*le=\"10\\.0\"}");
        assertThat(metrics).doesNotContainPattern("(?m)^http_server_requests_seconds_bucket\\{[^\\n]*le=\"0\\.001048576\"}");
        assertThat(metrics).containsPattern("(?m)^jvm_memory_used_bytes\\{");
        assertThat(metrics).containsPattern("(?m)^process_cpu_usage ");
    }
}
