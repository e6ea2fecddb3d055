package org.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The resilience audit of the gateway's outgoing calls (issue 17): every route to a service has a
 * connect and a response timeout, every route is behind a circuit breaker with a fallback, and the
 * one retry retries only idempotent reads, a bounded number of times, with backoff and jitter, never
 * after a response timeout. The gateway's row of docs/architecture/resilience.md must say the same
 * numbers; this test fails when either drifts.
 */
class RouteResilienceTest {

    private static final Path TABLE = Path.of("../../docs/architecture/resilience.md");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    @Test
    void everyRouteHasTimeoutsABreakerAndOnlyBoundedJitteredRetriesOfReads() throws IOException {
        Map<String, Object> yaml = load();
        Map<String, Object> webflux = map(yaml, "spring", "cloud", "gateway", "server", "webflux");

        assertThat(millis(yaml, map(webflux, "httpclient").get("connect-timeout"))).as("the client's connect timeout").isPositive();
        assertThat(millis(yaml, map(webflux, "httpclient").get("response-timeout"))).as("the client's response timeout").isPositive();

        List<Map<String, Object>> filters = list(webflux.get("default-filters"));
        Map<String, Object> breaker = filter(filters, "CircuitBreaker");
        assertThat(map(breaker, "args").get("fallbackUri")).as("the breaker's fallback").isNotNull();
        Map<String, Object> retry = map(filter(filters, "Retry"), "args");
        assertThat(((Number) retry.get("retries")).intValue()).as("retries").isBetween(1, 3);
        assertThat(List.of(String.valueOf(retry.get("methods")).split(","))).as("only reads are retried").isSubsetOf("GET", "HEAD");
        assertThat(map(retry, "backoff")).containsKeys("firstBackoff", "maxBackoff");
        assertThat(((Number) map(retry, "jitter").get("randomFactor")).doubleValue()).as("jitter").isPositive();
        assertThat(String.valueOf(retry.get("exceptions"))).as("never retried after a response timeout").doesNotContain("Timeout");
        assertThat(String.valueOf(retry.get("statuses"))).as("only a 503 is retried, never a service's own 502 or 504")
                .isEqualTo("SERVICE_UNAVAILABLE");

        for (Map<String, Object> route : routes(webflux)) {
            if (String.valueOf(route.get("uri")).startsWith("no://")) {
                continue; // answered by the gateway itself (404 problems)
            }
            Map<String, Object> metadata = map(route, "metadata");
            assertThat(millis(yaml, metadata.get("connect-timeout"))).as("%s: connect timeout", route.get("id")).isPositive();
            assertThat(millis(yaml, metadata.get("response-timeout"))).as("%s: response timeout", route.get("id")).isPositive();
            assertThat(route.get("filters")).as("%s keeps the default filters, the breaker and the retry", route.get("id")).isNull();
        }
    }

    @Test
    void theTableOfCallsSaysWhatTheRoutesDo() throws IOException {
        Map<String, Object> yaml = load();
        Map<String, Object> webflux = map(yaml, "spring", "cloud", "gateway", "server", "webflux");
        long connect = millis(yaml, map(webflux, "httpclient").get("connect-timeout"));
        long response = millis(yaml, map(webflux, "httpclient").get("response-timeout"));
        List<String> exceptions = new ArrayList<>();
        for (Map<String, Object> route : routes(webflux)) {
            if (!String.valueOf(route.get("uri")).startsWith("no://")) {
                long own = millis(yaml, map(route, "metadata").get("response-timeout"));
                if (own != response) {
                    exceptions.add(route.get("id") + " " + own + " ms");
                }
            }
        }
        int retries = ((Number) map(filter(list(webflux.get("default-filters")), "Retry"), "args").get("retries")).intValue();
        String row = Files.readAllLines(TABLE).stream().filter(l -> l.startsWith("| gateway, every route")).findFirst().orElse("");

        assertThat(row).as("the gateway's row of %s", TABLE.normalize())
                .contains("connect " + connect + " ms, response " + response + " ms (" + String.join(", ", exceptions) + ")")
                .contains("GET and HEAD only: " + retries);
    }

    // ---- reading application.yml -----------------------------------------------------------------

    private static Map<String, Object> load() throws IOException {
        try (InputStream in = RouteResilienceTest.class.getResourceAsStream("/application.yml")) {
            return new Yaml().load(in);
        }
    }

    /** A duration in milliseconds as the file writes it: a number, 5000ms, or a placeholder of either. */
    private static long millis(Map<String, Object> yaml, Object value) {
        String text = resolve(yaml, String.valueOf(value)).strip();
        return Long.parseLong(text.endsWith("ms") ? text.substring(0, text.length() - 2) : text);
    }

    /** ${emporium.gateway.x} from the file itself, ${VARIABLE:default} as its default. */
    private static String resolve(Map<String, Object> yaml, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = lookup(yaml, m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? String.valueOf(value) : String.valueOf(m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object lookup(Map<String, Object> yaml, String dotted) {
        Object node = yaml;
        for (String key : dotted.split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String... keys) {
        Map<String, Object> node = parent;
        for (String key : keys) {
            Object next = node.get(key);
            node = next instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(item -> items.add(item instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("name", String.valueOf(item))));
        }
        return items;
    }

    private static Map<String, Object> filter(List<Map<String, Object>> filters, String name) {
        return filters.stream().filter(f -> name.equals(f.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among the default filters"));
    }

    private static List<Map<String, Object>> routes(Map<String, Object> webflux) {
        List<Map<String, Object>> routes = list(webflux.get("routes"));
        assertThat(routes).as("routes").isNotEmpty();
        return routes;
    }
}
