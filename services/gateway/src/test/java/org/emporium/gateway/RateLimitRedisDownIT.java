package org.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop does not go down with Redis: the gateway starts without it, lets every request through,
 * quickly, while Redis is away, and limits again once it is back.
 */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emporium.gateway.rate-limit.enabled=true",
        // one request a second: with Redis answering, the second of two quick requests is refused
        "emporium.gateway.rate-limit.replenish-rate=1",
        "emporium.gateway.rate-limit.burst-capacity=1",
        "management.tracing.sampling.probability=0.0"})
class RateLimitRedisDownIT {

    private static final Duration QUICK = Duration.ofSeconds(1);
    private static final String WARNING = "Redis does not answer the rate limiter";

    /** Not started: the gateway comes up without Redis. */
    private static final TestRedis redis = new TestRedis();
    private static final StubUpstream catalog = new StubUpstream("catalog");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("EMPORIUM_REDIS_PORT", redis::port);
        registry.add("EMPORIUM_CATALOG_URL", catalog::url);
    }

    @AfterAll
    static void stop() {
        catalog.close();
        redis.close();
    }

    @Test
    void letsEveryRequestThroughQuicklyWhileRedisIsAwayAndLimitsAgainOnceItIsBack(CapturedOutput output)
            throws Exception {
        // Never reached Redis yet: every connection attempt is refused. The first request only warms
        // the JVM up (class loading, first connections), which on a cold, busy machine can take a second.
        assertThat(get("/api/catalog/warm-up").statusCode()).isEqualTo(200);
        passQuicklyTenTimes("/api/catalog/before");

        redis.start();
        await("limits once Redis is up").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/catalog/up").statusCode() == 429 || get("/api/catalog/up").statusCode() == 429);

        // Redis goes away while the gateway is connected to it.
        redis.stop();
        passQuicklyTenTimes("/api/catalog/after");

        redis.start();
        await("limits once Redis is back").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/catalog/back").statusCode() == 429 || get("/api/catalog/back").statusCode() == 429);

        // Two outages within a minute, one warning.
        assertThat(output.getOut().lines().filter(line -> line.contains(WARNING))).hasSize(1);
    }

    private void passQuicklyTenTimes(String path) throws IOException, InterruptedException {
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get(path);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).as("request %d to %s", i, path).isEqualTo(200);
            assertThat(took).as("request %d to %s", i, path).isLessThan(QUICK);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), BodyHandlers.ofString());
    }
}
