package org.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What load tests and benchmarks run with: EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false. */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED=false",
        // buckets that would refuse the second request, were the limits on
        "emporium.gateway.rate-limit.replenish-rate=1",
        "emporium.gateway.rate-limit.burst-capacity=1",
        "emporium.gateway.rate-limit.writes.replenish-rate=1",
        "emporium.gateway.rate-limit.writes.burst-capacity=1",
        "management.tracing.sampling.probability=0.0"})
class RateLimitDisabledIT {

    private static final TestRedis redis = new TestRedis().start();
    private static final StubUpstream catalog = new StubUpstream("catalog");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    ReactiveStringRedisTemplate redisTemplate;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("EMPORIUM_REDIS_PORT", redis::port);
        registry.add("EMPORIUM_CATALOG_URL", catalog::url);
        // writes go to the cart route: catalog writes need an admin token at the edge (GatewaySecurityIT)
        registry.add("EMPORIUM_CART_URL", catalog::url);
    }

    @AfterAll
    static void stop() {
        catalog.close();
        redis.close();
    }

    @Test
    void neverRefusesAndNeverAsksRedis() throws Exception {
        for (int i = 0; i < 30; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/carts/free"))
                    .timeout(Duration.ofSeconds(10));
            HttpResponse<String> response = client.send(i % 3 == 0
                    ? request.POST(BodyPublishers.ofString("{}")).build()
                    : request.GET().build(), BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
        assertThat(redisTemplate.keys("request_rate_limiter*").collectList().block(Duration.ofSeconds(5))).isEmpty();
    }
}
