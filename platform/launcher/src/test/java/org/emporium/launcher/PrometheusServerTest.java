package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus {@code up} starts where the machine has one: its configuration comes from the graph. */
class PrometheusServerTest {

    private static JsonNode config() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(PrometheusServer.config(Topology.GRAPH, Topology::metricsUrl));
    }

    @Test
    void everyServiceOfTheGraphIsAJobAtItsMetricsUrlEveryFiveSeconds() throws Exception {
        JsonNode config = config();

        assertThat(config.at("/global/scrape_interval").asText()).isEqualTo("5s");
        List<String> jobs = new ArrayList<>();
        for (JsonNode job : config.get("scrape_configs")) {
            String name = job.get("job_name").asText();
            jobs.add(name);
            String url = "http://" + job.at("/static_configs/0/targets/0").asText() + job.get("metrics_path").asText();
            assertThat(url).as(name).isEqualTo(Topology.metricsUrl(name).orElseThrow());
            assertThat(job.at("/metric_relabel_configs/0/action").asText()).isEqualTo("keep");
        }
        assertThat(jobs).containsExactlyElementsOf(Topology.services().stream().map(Node::name).toList());
        assertThat(jobs).hasSize(11);
    }

    @Test
    void withARegistryEveryCopyOfAServiceIsFoundThereAndTheGatewayStaysAFixedTarget() throws Exception {
        String registry = "http://127.0.0.1:8761/eureka";
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(
                PrometheusServer.config(Topology.GRAPH, Topology::metricsUrl, java.util.Optional.of(registry)));
        for (JsonNode job : config.get("scrape_configs")) {
            String name = job.get("job_name").asText();
            if (name.equals("gateway")) {
                assertThat(job.at("/static_configs/0/targets/0").asText()).endsWith(":" + Topology.ports().get("gateway-management"));
                continue;
            }
            assertThat(job.at("/eureka_sd_configs/0/server").asText()).as(name).isEqualTo(registry);
            assertThat(job.at("/relabel_configs/0/regex").asText()).isEqualTo(name.toUpperCase(java.util.Locale.ROOT));
            assertThat(job.at("/relabel_configs/1/source_labels/0").asText()).isEqualTo("__meta_eureka_app_instance_id");
            assertThat(job.get("metrics_path").asText()).isEqualTo(java.net.URI.create(Topology.metricsUrl(name).orElseThrow()).getPath());
        }
    }

    @Test
    void quarkusServicesAreScrapedAtQMetricsAndTheGatewayOnItsManagementPort() {
        assertThat(Topology.metricsUrl("catalog")).contains("http://127.0.0.1:" + Topology.port("catalog") + "/q/metrics");
        assertThat(Topology.metricsUrl("identity")).contains("http://127.0.0.1:" + Topology.port("identity") + "/actuator/prometheus");
        assertThat(Topology.metricsUrl("gateway")).contains("http://127.0.0.1:" + Topology.ports().get("gateway-management")
                + "/actuator/prometheus");
        assertThat(Topology.ports().get("gateway-management")).isEqualTo(Topology.port("gateway") + 1000);
        assertThat(Topology.metricsUrl("kafka")).isEmpty();
        assertThat(Topology.metricsUrl("nosuch")).isEmpty();
    }

    @Test
    void onlyTheFamiliesTheDashboardsUseAreKept() throws Exception {
        Pattern kept = Pattern.compile(config().at("/scrape_configs/0/metric_relabel_configs/0/regex").asText());

        assertThat(List.of("http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
                "spring_cloud_gateway_requests_seconds_sum", "emporium_kafka_consumer_lag_records", "ft_circuitbreaker_state_current",
                "ft_circuitbreaker_opened_total", "resilience4j_circuitbreaker_state", "jvm_memory_used_bytes",
                "process_cpu_usage")).allMatch(name -> kept.matcher(name).matches());
        assertThat(List.of("jvm_threads_live_threads", "worker_pool_active", "http_server_active_requests",
                "kafka_consumer_fetch_manager_records_lag", "process_cpu_usage_extra"))
                .noneMatch(name -> kept.matcher(name).matches());
    }

    @Test
    void itIsBoundedAndItsConfigurationIsWrittenBeforeItStarts(@TempDir Path root) throws Exception {
        Workspace workspace = new Workspace(root);
        workspace.create();
        Path binary = Files.createFile(root.resolve("prometheus"));
        ProcessComponent prometheus = PrometheusServer.component(binary, workspace, 19090,
                new Console(new PrintStream(new ByteArrayOutputStream()), false, true));

        prometheus.prepare();

        assertThat(Files.readString(workspace.run().resolve("prometheus.yml")))
                .isEqualTo(PrometheusServer.config(Topology.GRAPH, Topology::metricsUrl,
                        new LocalWiring(workspace, Topology.GRAPH).registryUrl()));
        assertThat(workspace.data("prometheus")).isDirectory();
        assertThat(prometheus.port()).isEqualTo(19090);
        assertThat(prometheus.command()).startsWith(binary.toString()).contains("--storage.tsdb.retention.time=2h",
                "--storage.tsdb.retention.size=256MB", "--web.listen-address=127.0.0.1:19090",
                "--storage.tsdb.path=" + workspace.data("prometheus"));
        assertThat(prometheus.environment()).containsEntry("GOMEMLIMIT", "96MiB").containsEntry("GOMAXPROCS", "1");
    }

    @Test
    void itIsLocalOnlyOutsideTheGraphWithABudgetAndAPortOfItsOwn() {
        assertThat(Topology.GRAPH).extracting(Node::name).doesNotContain("prometheus");
        assertThat(Topology.budget("prometheus").pssMb()).isPositive();
        assertThat(Topology.isInfrastructure("prometheus")).isTrue();
        assertThat(Topology.ports()).containsKey("prometheus");
    }
}
