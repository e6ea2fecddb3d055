package org.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.emporium.platform.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * lb:// routes over two instances each, as the launcher sets them up when it runs several. The instance
 * lists come from Spring Cloud's simple discovery here instead of Eureka: the load balancer, its round
 * robin and the retries are the same whichever discovery client feeds them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "EMPORIUM_CATALOG_URL=lb://catalog",
        "EMPORIUM_SEARCH_URL=lb://search",
        "EMPORIUM_CART_URL=lb://cart",
        "EMPORIUM_AUTH_JWKS_URL=lb://identity/oauth2/jwks",
        "emporium.gateway.rate-limit.enabled=false",
        "management.tracing.sampling.probability=0.0"})
class GatewayBalancingIT {

    private static final StubUpstream catalog1 = new StubUpstream("catalog-1");
    private static final StubUpstream catalog2 = new StubUpstream("catalog-2");
    private static final StubUpstream search1 = new StubUpstream("search-1");
    private static final StubUpstream search2 = stopped("search-2");
    private static final StubUpstream cart1 = new StubUpstream("cart-1");
    private static final StubUpstream cart2 = stopped("cart-2");
    private static final TestIdentity identity = TestIdentity.start();
    private static final StubUpstream identity2 = stopped("identity-2");

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        instances(registry, "catalog", catalog1, catalog2);
        instances(registry, "search", search1, search2);
        instances(registry, "cart", cart1, cart2);
        registry.add("EMPORIUM_AUTH_ISSUER", identity::issuer);
        registry.add("spring.cloud.discovery.client.simple.instances.identity[0].uri", identity::issuer);
        registry.add("spring.cloud.discovery.client.simple.instances.identity[1].uri", identity2::url);
    }

    @AfterAll
    static void stopUpstreams() {
        List.of(catalog1, catalog2, search1, cart1).forEach(StubUpstream::close);
        identity.close();
    }

    @Test
    void tokensAreCheckedAgainstTheKeySetOfAnyIdentityInstanceThatAnswers() throws Exception {
        // lb://identity/oauth2/jwks: one of its two instances is down, so some fetch meets it and is retried
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> mine = send(HttpRequest.newBuilder(uri("/api/carts/mine"))
                    .header("Authorization", "Bearer " + identity.customer("alice-0" + i)).GET());
            assertThat(mine.statusCode()).as("a valid token, key set fetched through the balancer").isEqualTo(200);
        }
        assertThat(identity.keySetFetches()).isPositive();

        HttpResponse<String> stranger = send(HttpRequest.newBuilder(uri("/api/carts/mine"))
                .header("Authorization", "Bearer " + identity.signedByAStranger("alice-01")).GET());
        assertThat(stranger.statusCode()).isEqualTo(401);
        HttpResponse<String> otherIssuer = send(HttpRequest.newBuilder(uri("/api/carts/mine"))
                .header("Authorization", "Bearer " + identity.fromAnotherIssuer("alice-01")).GET());
        assertThat(otherIssuer.statusCode()).as("the issuer is still checked").isEqualTo(401);
    }

    @Test
    void spreadsRequestsOverTheInstances() throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/catalog/products/" + i)).GET());
            assertThat(response.statusCode()).isEqualTo(200);
            answeredBy.add(response.headers().firstValue("X-Upstream").orElseThrow());
        }

        Map<String, Long> counts = answeredBy.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrder("catalog-1", "catalog-2");
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(12L, 28L));
    }

    @Test
    void retriesAReadOnAnotherInstanceWhenOneIsDown() throws Exception {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/search/read-" + i)).GET());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Upstream")).hasValue("search-1");
            assertThat(search1.receivedAt("/api/search/read-" + i)).hasSize(1);
        }
    }

    @Test
    void neverRetriesAWriteAndAnswers503WhenItsInstanceIsDown() throws Exception {
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            String path = "/api/carts/write-" + i;
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{}")));

            if (response.statusCode() == 200) {
                answered++;
                assertThat(cart1.receivedAt(path)).hasSize(1);
            } else {
                refused++;
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                JsonNode problem = json.readTree(response.body());
                assertThat(problem.get("detail").asString()).isEqualTo("cart is unavailable; try again shortly");
                assertThat(problem.get("instance").asString()).isEqualTo(path);
                assertThat(cart1.receivedAt(path)).as("a write that went to the stopped instance, not retried").isEmpty();
            }
        }
        // round robin over two instances: half the writes go to each
        assertThat(answered).isEqualTo(4);
        assertThat(refused).isEqualTo(4);
    }

    private static void instances(DynamicPropertyRegistry registry, String service, StubUpstream... stubs) {
        for (int i = 0; i < stubs.length; i++) {
            StubUpstream stub = stubs[i];
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[" + i + "].uri", stub::url);
        }
    }

    /** An instance that was listed and then stopped: its port refuses connections. */
    private static StubUpstream stopped(String name) {
        StubUpstream stub = new StubUpstream(name);
        stub.close();
        return stub;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
