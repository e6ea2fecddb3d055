package org.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits against a real Redis, with buckets small enough to empty in a few requests. Every
 * test calls from its own loopback address (127.0.0.2, .3, ...: all of 127/8 is loopback on Linux), so
 * each has buckets of its own, keyed exactly as a remote client's would be.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emporium.gateway.rate-limit.enabled=true",
        "emporium.gateway.rate-limit.replenish-rate=1",
        "emporium.gateway.rate-limit.burst-capacity=3",
        "emporium.gateway.rate-limit.writes.replenish-rate=1",
        "emporium.gateway.rate-limit.writes.burst-capacity=1",
        "management.tracing.sampling.probability=0.0"})
class RateLimitIT {

    /** Generous: a bucket of 3 refilling 1 a second is empty after 3 to 5 quick requests. */
    private static final int ENOUGH_TO_EMPTY_A_BUCKET = 20;

    private static final TestRedis redis = new TestRedis().start();
    private static final StubUpstream catalog = new StubUpstream("catalog");
    private static final StubUpstream storefront = new StubUpstream("storefront");
    private static final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("EMPORIUM_REDIS_PORT", redis::port);
        registry.add("EMPORIUM_CATALOG_URL", catalog::url);
        // writes go to the cart route: catalog writes need an admin token at the edge (GatewaySecurityIT)
        registry.add("EMPORIUM_CART_URL", catalog::url);
        registry.add("EMPORIUM_STOREFRONT_URL", storefront::url);
    }

    @AfterAll
    static void stop() {
        catalog.close();
        storefront.close();
        redis.close();
    }

    @Test
    void refusesWithA429ProblemAndRetryAfterOnceTheBucketIsEmptyAndPassesAgainOnceItRefills() throws Exception {
        try (HttpClient client = clientFrom("127.0.0.2")) {
            List<Integer> passed = new ArrayList<>();
            HttpResponse<String> refused = null;
            for (int i = 0; i < ENOUGH_TO_EMPTY_A_BUCKET && refused == null; i++) {
                HttpResponse<String> response = get(client, "/api/catalog/limited");
                if (response.statusCode() == 429) {
                    refused = response;
                } else {
                    passed.add(response.statusCode());
                }
            }

            assertThat(refused).as("a refusal within %d requests", ENOUGH_TO_EMPTY_A_BUCKET).isNotNull();
            // the burst passes, plus one more for each second the loop took
            assertThat(passed).hasSizeGreaterThanOrEqualTo(3).containsOnly(200);
            String retryAfter = refused.headers().firstValue("Retry-After").orElseThrow();
            assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3L);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("type").asString()).isEqualTo("about:blank");
            assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
            assertThat(problem.get("status").asInt()).isEqualTo(429);
            assertThat(problem.get("detail").asString())
                    .isEqualTo("Too many requests from this address; try again in " + retryAfter + " s");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/catalog/limited");
            assertThat(refused.headers().firstValue("X-RateLimit-Burst-Capacity")).hasValue("3");
            // a refused request never reaches the service
            assertThat(catalog.receivedAt("/api/catalog/limited")).hasSize(passed.size());

            await().atMost(Duration.ofSeconds(Long.parseLong(retryAfter) + 3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> get(client, "/api/catalog/limited").statusCode() == 200);
        }
    }

    @Test
    void oneBucketPerAddressCoversEveryRoute() throws Exception {
        try (HttpClient client = clientFrom("127.0.0.3")) {
            emptyTheBucket(client, "/api/catalog/everywhere");

            assertThat(refusedOnceInTwo(client, request("/p/everywhere").GET().build())).isTrue();
        }
    }

    @Test
    void oneAddressOutOfTokensDoesNotLimitAnother() throws Exception {
        try (HttpClient greedy = clientFrom("127.0.0.4"); HttpClient modest = clientFrom("127.0.0.5")) {
            emptyTheBucket(greedy, "/p/greedy");

            assertThat(get(modest, "/p/modest").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aForwardedForHeaderDoesNotEscapeTheLimit() throws Exception {
        try (HttpClient client = clientFrom("127.0.0.6")) {
            emptyTheBucket(client, "/p/spoofed");

            HttpRequest spoofed = request("/p/spoofed")
                    .header("X-Forwarded-For", "203.0.113.7")
                    .header("Forwarded", "for=203.0.113.7")
                    .header("X-Real-IP", "203.0.113.7")
                    .GET()
                    .build();

            assertThat(refusedOnceInTwo(client, spoofed)).isTrue();
        }
    }

    @Test
    void writesDrawFromTheirOwnSmallerBucket() throws Exception {
        try (HttpClient client = clientFrom("127.0.0.7")) {
            HttpResponse<String> refused = null;
            for (int i = 0; i < ENOUGH_TO_EMPTY_A_BUCKET && refused == null; i++) {
                HttpResponse<String> response = client.send(request("/api/carts/writes")
                        .POST(BodyPublishers.ofString("{}"))
                        .header("Content-Type", "application/json")
                        .build(), BodyHandlers.ofString());
                refused = response.statusCode() == 429 ? response : null;
            }

            assertThat(refused).isNotNull();
            assertThat(refused.headers().firstValue("X-RateLimit-Burst-Capacity")).hasValue("1");
            assertThat(get(client, "/api/catalog/reads").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theActuatorIsNeverLimited() throws Exception {
        try (HttpClient client = clientFrom("127.0.0.8")) {
            emptyTheBucket(client, "/p/probed");

            for (int i = 0; i < ENOUGH_TO_EMPTY_A_BUCKET; i++) {
                assertThat(get(client, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            }
        }
    }

    /**
     * Whether one of two quick requests is refused. Once a bucket is empty, a single request may still
     * pass: the script adds a token at each turn of the second, which may fall just before it; two in
     * a row cannot both take a token unless the bucket was not empty.
     */
    private static boolean refusedOnceInTwo(HttpClient client, HttpRequest request)
            throws IOException, InterruptedException {
        return client.send(request, BodyHandlers.ofString()).statusCode() == 429
                || client.send(request, BodyHandlers.ofString()).statusCode() == 429;
    }

    private void emptyTheBucket(HttpClient client, String path) throws IOException, InterruptedException {
        for (int i = 0; i < ENOUGH_TO_EMPTY_A_BUCKET; i++) {
            if (get(client, path).statusCode() == 429) {
                return;
            }
        }
        throw new AssertionError("no 429 within " + ENOUGH_TO_EMPTY_A_BUCKET + " requests to " + path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpClient clientFrom(String loopbackAddress) throws IOException {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .localAddress(InetAddress.getByName(loopbackAddress))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
