package org.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.netflix.discovery.EurekaClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.emporium.gateway.StubUpstream.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as a client sees it: the real application.yml against stub services on loopback ports.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Small enough to keep the slow-upstream test short, large enough for a cold JVM's first request.
        "emporium.gateway.response-timeout-millis=2000",
        "management.opentelemetry.tracing.export.schedule-delay=100ms",
        // Rate limits have their own ITs, with a Redis; here every test would share one loopback bucket.
        "emporium.gateway.rate-limit.enabled=false"})
class GatewayRoutingIT {

    private static final StubUpstream catalog = new StubUpstream("catalog");
    private static final StubUpstream storefront = new StubUpstream("storefront");
    private static final StubUpstream search = new StubUpstream("search");
    private static final StubUpstream recommendations = new StubUpstream("recommendations");
    private static final StubUpstream zipkin = new StubUpstream("zipkin");
    private static final int DEAD_PORT = freePort();

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("EMPORIUM_CATALOG_URL", catalog::url);
        // writes go to the cart route: catalog writes need an admin token at the edge (GatewaySecurityIT)
        registry.add("EMPORIUM_CART_URL", catalog::url);
        registry.add("EMPORIUM_STOREFRONT_URL", storefront::url);
        registry.add("EMPORIUM_SEARCH_URL", search::url);
        registry.add("EMPORIUM_RECOMMENDATIONS_URL", recommendations::url);
        registry.add("EMPORIUM_ZIPKIN_ENDPOINT", () -> zipkin.url() + "/api/v2/spans");
    }

    /** A route like the real ones (same default filters) to a port where nothing listens. */
    @TestConfiguration
    static class DeadUpstreamRoute {

        @Bean
        RouteDefinitionLocator deadUpstream() {
            RouteDefinition dead = new RouteDefinition("dead=http://127.0.0.1:" + DEAD_PORT + ",Path=/api/dead/**");
            return () -> Flux.just(dead);
        }
    }

    @AfterAll
    static void stopUpstreams() {
        catalog.close();
        storefront.close();
        search.close();
        recommendations.close();
        zipkin.close();
    }

    @Test
    void routesCatalogApiToCatalogWithPathAndQueryUnchanged() throws Exception {
        HttpResponse<String> response = get("/api/catalog/products?q=tea");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Upstream")).hasValue("catalog");
        assertThat(catalog.receivedAt("/api/catalog/products"))
                .singleElement()
                .satisfies(received -> assertThat(received.query()).isEqualTo("q=tea"));
    }

    /**
     * A target that is no URI never reaches Spring (its adapter answered an empty 400): a problem,
     * sent over a raw socket, since no HTTP client sends a bad percent escape (issue 19).
     */
    @Test
    void aPathThatIsNoUriIsA400Problem() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /api/catalog/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":400");
        }
        assertThat(catalog.receivedAt("/api/catalog/%zz")).isEmpty();
        assertThat(get("/api/catalog/products?q=tea").statusCode()).as("the next request").isEqualTo(200);
    }

    @Test
    void routesSearchAndSuggestionsToSearch() throws Exception {
        HttpResponse<String> results = get("/api/search?q=head%20phones&size=5");
        HttpResponse<String> suggestions = get("/api/search/suggest?q=hea");

        assertThat(results.headers().firstValue("X-Upstream")).hasValue("search");
        assertThat(suggestions.headers().firstValue("X-Upstream")).hasValue("search");
        assertThat(search.receivedAt("/api/search")).singleElement()
                .satisfies(received -> assertThat(received.query()).isEqualTo("q=head phones&size=5"));
        assertThat(search.receivedAt("/api/search/suggest")).hasSize(1);
    }

    @Test
    void routesRecommendationsToRecommendationsAndTheMobileApiToTheStorefront() throws Exception {
        HttpResponse<String> forProduct = get("/api/recommendations/products/ABC-000001?size=4");
        HttpResponse<String> mobile = get("/api/mobile/products/ABC-000001");

        assertThat(forProduct.headers().firstValue("X-Upstream")).hasValue("recommendations");
        assertThat(recommendations.receivedAt("/api/recommendations/products/ABC-000001")).singleElement()
                .satisfies(received -> assertThat(received.query()).isEqualTo("size=4"));
        assertThat(mobile.headers().firstValue("X-Upstream")).hasValue("storefront");
        assertThat(storefront.receivedAt("/api/mobile/products/ABC-000001")).hasSize(1);
    }

    @Test
    void routesEveryOtherPathToStorefront() throws Exception {
        assertThat(get("/").headers().firstValue("X-Upstream")).hasValue("storefront");
        assertThat(get("/products/42").headers().firstValue("X-Upstream")).hasValue("storefront");

        assertThat(storefront.receivedAt("/")).hasSize(1);
        assertThat(storefront.receivedAt("/products/42")).hasSize(1);
    }

    @Test
    void runsNoEurekaClientWhenNoRegistryIsNamed() {
        // no EMPORIUM_REGISTRY_URL here, as in Kubernetes: routes use their http:// URIs (the tests above)
        assertThat(context.getBeanNamesForType(EurekaClient.class)).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith("DiscoveryClient"));
    }

    @Test
    void retriesGetThatFailedWith503AndAnswersTheRetry() throws Exception {
        catalog.script("/api/catalog/flaky", Reply.status(503));

        HttpResponse<String> response = get("/api/catalog/flaky");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(catalog.receivedAt("/api/catalog/flaky")).hasSize(2);
    }

    @Test
    void doesNotRetryPost() throws Exception {
        catalog.script("/api/carts/orders", Reply.status(503), Reply.status(201));

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/carts/orders"))
                .POST(BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(catalog.receivedAt("/api/carts/orders")).hasSize(1);
    }

    @Test
    void doesNotRetryAnInternalServerError() throws Exception {
        catalog.script("/api/catalog/broken", Reply.status(500), Reply.status(200));

        assertThat(get("/api/catalog/broken").statusCode()).isEqualTo(500);
        assertThat(catalog.receivedAt("/api/catalog/broken")).hasSize(1);
    }

    @Test
    void answers503ProblemWhenTheUpstreamIsDown() throws Exception {
        HttpResponse<String> response = get("/api/dead/things");

        assertProblem(response, 503, "Service unavailable", "dead is unavailable; try again shortly",
                "/api/dead/things");
    }

    @Test
    void answers504ProblemWhenTheUpstreamIsTooSlowAndDoesNotRetry() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        catalog.script("/api/catalog/slow", Reply.heldUntil(release), Reply.heldUntil(release));
        try {
            HttpResponse<String> response = get("/api/catalog/slow");

            assertProblem(response, 504, "Gateway timeout", "catalog did not answer in time; try again shortly",
                    "/api/catalog/slow");
            assertThat(catalog.receivedAt("/api/catalog/slow")).hasSize(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void forwardsAW3cTraceparentToTheUpstream() throws Exception {
        get("/api/catalog/traced");

        // Sampled or not: the reservoir (10 new traces a second) may have been spent by the other
        // tests in this second, and then the 0.1 ratio decides. The trace context travels either way.
        assertThat(catalog.receivedAt("/api/catalog/traced")).singleElement()
                .satisfies(received -> assertThat(received.header("traceparent"))
                        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    }

    @Test
    void continuesTheTraceTheBrowserStarted() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        send(HttpRequest.newBuilder(uri("/api/catalog/continued"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        assertThat(catalog.receivedAt("/api/catalog/continued")).singleElement()
                .satisfies(received -> assertThat(received.header("traceparent"))
                        .startsWith("00-" + traceId + "-")
                        .endsWith("-01")
                        .doesNotContain("00f067aa0ba902b7"));
    }

    @Test
    void newTracesAreSampledByTheReservoirThenTheRatioAndAnIncomingDecisionIsKept() {
        assertThat(context.getBean(io.opentelemetry.sdk.trace.samplers.Sampler.class).getDescription())
                .startsWith("ParentBased{root:Reservoir{perSecond=10, then TraceIdRatioBased{0.100000}}");
    }

    @Test
    void exportsTheGatewaysSpansToZipkin() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        send(HttpRequest.newBuilder(uri("/api/catalog/exported"))
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));

        // Spans leave in batches on the exporter's schedule, so wait for the batch rather than a fixed time.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(spansSentToZipkin())
                .filteredOn(spans -> spans.contains(traceId))
                .isNotEmpty()
                .allSatisfy(spans -> assertThat(spans).contains("\"serviceName\":\"gateway\"")));
    }

    @Test
    void writesAJsonAccessLogLineCarryingTheTraceId(CapturedOutput output) throws Exception {
        String traceId = "5c1f0a7e2b9d4c3e8f6a1b2c3d4e5f60";
        send(HttpRequest.newBuilder(uri("/api/nope-logged"))
                .header("traceparent", "00-" + traceId + "-1a2b3c4d5e6f7081-01"));

        // The line is written once the exchange completes, which can trail the response by a moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("GET /api/nope-logged 404")))
                .singleElement()
                .satisfies(line -> {
                    JsonNode entry = json.readTree(line);
                    assertThat(entry.get("traceId").asString()).isEqualTo(traceId);
                    assertThat(entry.get("spanId").asString()).matches("[0-9a-f]{16}");
                    assertThat(entry.at("/service/name").asString()).isEqualTo("gateway");
                }));
    }

    @Test
    void answers404ProblemForAnApiNoServiceOwns() throws Exception {
        HttpResponse<String> response = get("/api/nope");

        assertProblem(response, 404, "Not found", "No service answers at this path", "/api/nope");
        assertThat(storefront.receivedAt("/api/nope")).isEmpty();
    }

    @Test
    void answers413ProblemForADeclaredBodyOverTheLimit() throws Exception {
        HttpResponse<String> response = post("/api/catalog/uploads", BodyPublishers.ofByteArray(new byte[256 * 1024 + 1]));

        assertProblem(response, 413, "Content too large", "The request body exceeds the limit of 262144 bytes",
                "/api/catalog/uploads");
        assertThat(catalog.receivedAt("/api/catalog/uploads")).isEmpty();
    }

    @Test
    void answers413ProblemForAChunkedBodyOverTheLimit() throws Exception {
        // Only just over the limit: the gateway stops reading at the limit, and a client still sending
        // megabytes into a connection being closed may see a reset instead of the 413.
        byte[] body = new byte[256 * 1024 + 8 * 1024];
        HttpResponse<String> response = post("/api/carts/chunked",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertProblem(response, 413, "Content too large", "The request body exceeds the limit of 262144 bytes",
                "/api/carts/chunked");
        assertThat(catalog.receivedAt("/api/carts/chunked")).isEmpty();
    }

    @Test
    void passesABodyWithinTheLimit() throws Exception {
        HttpResponse<String> response = post("/api/carts/small", BodyPublishers.ofByteArray(new byte[64 * 1024]));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(catalog.receivedAt("/api/carts/small")).singleElement()
                .satisfies(received -> assertThat(received.body()).hasSize(64 * 1024));
    }

    @Test
    void addsSecurityHeadersToPagesAndApiAnswers() throws Exception {
        HttpResponse<String> page = get("/products/secured");
        HttpResponse<String> api = get("/api/catalog/secured");

        for (HttpResponse<String> response : List.of(page, api)) {
            assertThat(response.statusCode()).isEqualTo(200);
            HttpHeaders headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).hasValue("default-src 'self'; script-src 'self'; "
                    + "style-src 'self'; img-src 'self' data:; form-action 'self' http://localhost:8110; frame-ancestors 'none'; "
                    + "base-uri 'self'; object-src 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Permissions-Policy")).hasValue("camera=(), microphone=(), geolocation=(), usb=()");
            assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(headers.firstValue("X-Xss-Protection")).isEmpty();
        }
    }

    @Test
    void aServicesOwnSecurityHeaderWins() throws Exception {
        storefront.script("/embeddable", Reply.status(200)
                .withHeader("Content-Security-Policy", "default-src 'none'")
                .withHeader("X-Frame-Options", "SAMEORIGIN"));

        HttpResponse<String> response = get("/embeddable");

        assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly("default-src 'none'");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void exposesProbesAndPrometheusMetrics() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        // metrics on the management port only (GatewayMetricsIT: not on this one)
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).GET());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    /** Spring Boot's Zipkin sender gzips its batches. */
    private static Stream<String> spansSentToZipkin() {
        return zipkin.receivedAt("/api/v2/spans").stream().map(received -> {
            boolean gzipped = "gzip".equals(received.header("Content-Encoding"));
            try (InputStream body = gzipped
                    ? new GZIPInputStream(new ByteArrayInputStream(received.body()))
                    : new ByteArrayInputStream(received.body())) {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void assertProblem(HttpResponse<String> response, int status, String title, String detail,
                               String instance) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(problem.get("instance").asString()).isEqualTo(instance);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /**
     * With {@code Expect: 100-continue}, as browsers' large uploads do, so a body the gateway rejects
     * is not half-sent on a connection the gateway has already answered and closed.
     */
    private HttpResponse<String> post(String path, BodyPublisher body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(body).expectContinue(true)
                .header("Content-Type", "application/octet-stream"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
