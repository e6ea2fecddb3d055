package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/observability/grafana-dashboard.json reads only families that exist: those the local
 * Prometheus keeps ({@link PrometheusServer#FAMILIES}), which its README documents.
 */
class DashboardTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path DASHBOARD = ROOT.resolve("deploy/observability/grafana-dashboard.json");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase",
            "histogram_quantile", "resets", "changes", "delta", "deriv", "abs", "clamp_min", "clamp_max", "topk", "bottomk",
            "or", "and", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset");

    /** The metric names an expression reads: what is left once strings, matchers, ranges, groupings and functions are gone. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static List<JsonNode> panels() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : new ObjectMapper().readTree(DASHBOARD.toFile()).get("panels")) {
            all.add(panel);
            panel.path("panels").forEach(all::add);
        }
        return all;
    }

    /** The family a sample name belongs to, or the name when it is none of the list's. */
    private static String family(String name) {
        return PrometheusServer.FAMILIES.stream()
                .filter(f -> name.equals(f) || name.matches(Pattern.quote(f) + "_(bucket|count|sum|max|total)"))
                .findFirst().orElse(name);
    }

    @Test
    void theExpressionReaderFindsMetricNamesOnly() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket"
                + "{job=~\"$job\",uri!~\"/q/.*\"}[$__rate_interval])))")).containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("sum by (job) (a_total{state=\"open\"}) or max(b) / up"))
                .containsExactly("a_total", "b", "up");
    }

    @Test
    void everyPanelReadsOnlyTheListedFamiliesAndTogetherTheyReadEachOfThem() throws IOException {
        Set<String> used = new TreeSet<>();
        int queried = 0;
        for (JsonNode panel : panels()) {
            if (panel.get("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                Set<String> names = metricNames(target.get("expr").asText());
                assertThat(names).as(panel.get("title").asText()).isNotEmpty();
                names.forEach(n -> used.add(family(n)));
                queried++;
            }
        }
        used.remove("up"); // Prometheus' own, one per target
        assertThat(queried).isGreaterThan(15);
        assertThat(used).as("the families the dashboard reads").containsExactlyInAnyOrderElementsOf(PrometheusServer.FAMILIES);
    }

    @Test
    void theRedPanelsArePerServiceWithThreeLatencyQuantiles() throws IOException {
        List<String> exprs = panels().stream().flatMap(p -> Stream.of(p.path("targets")))
                .flatMap(t -> t.findValuesAsText("expr").stream()).toList();
        for (String q : List.of("0.5", "0.95", "0.99")) {
            assertThat(exprs).anyMatch(e -> e.startsWith("histogram_quantile(" + q + ", sum by (job, le) (rate(http_server_requests_seconds_bucket"));
        }
        assertThat(panels()).allMatch(p -> p.get("id").isInt() && p.has("gridPos"));
    }

    @Test
    void theReadmeDocumentsExactlyTheListedFamilies() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z_:0-9]+)` \\|").matcher(Files.readString(ROOT.resolve("deploy/observability/README.md")));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(PrometheusServer.FAMILIES);
    }

    @Test
    void everyFamilyIsOneTheServicesDocumentAsExported() throws IOException {
        Path metrics = ROOT.resolve("docs/architecture/metrics.md");
        assumeTrue(Files.exists(metrics), "docs/architecture/metrics.md (the metrics branch) is not here yet");
        StringBuilder docs = new StringBuilder(Files.readString(metrics));
        for (String folder : List.of("platform", "services")) {
            try (Stream<Path> readmes = Files.list(ROOT.resolve(folder))) {
                for (Path readme : readmes.map(d -> d.resolve("README.md")).filter(Files::exists).toList()) {
                    docs.append(Files.readString(readme));
                }
            }
        }
        assertThat(PrometheusServer.FAMILIES).allMatch(f -> docs.indexOf(f) >= 0);
        // the lag gauge as a real scrape names it (Micrometer appends the base unit, records)
        assertThat(PrometheusText.parse(PrometheusTextTest.resource("orders-live.txt")).has("emporium_kafka_consumer_lag_records"))
                .isTrue();
    }
}
