package org.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.emporium.platform.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens at the edge, against a stand-in OpenID provider serving its JWKS over HTTP: bad tokens
 * never reach a service, good ones are relayed unchanged, admin routes need the role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "emporium.gateway.rate-limit.enabled=false"})
class GatewaySecurityIT {

    private static final TestIdentity identity = TestIdentity.start();
    private static final StubUpstream catalog = new StubUpstream("catalog");
    private static final StubUpstream orders = new StubUpstream("orders");
    private static final StubUpstream carts = new StubUpstream("cart");
    private static final StubUpstream payments = new StubUpstream("payments");
    private static final StubUpstream storefront = new StubUpstream("storefront");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("EMPORIUM_AUTH_ISSUER", identity::issuer);
        registry.add("EMPORIUM_CATALOG_URL", catalog::url);
        registry.add("EMPORIUM_ORDERS_URL", orders::url);
        registry.add("EMPORIUM_CART_URL", carts::url);
        registry.add("EMPORIUM_PAYMENTS_URL", payments::url);
        registry.add("EMPORIUM_STOREFRONT_URL", storefront::url);
    }

    @AfterAll
    static void stop() {
        identity.close();
        catalog.close();
        orders.close();
        carts.close();
        payments.close();
        storefront.close();
    }

    @Test
    void badTokensAreRefusedAtTheEdgeEvenWhereATokenIsOptional() throws Exception {
        Map<String, String> bad = Map.of(
                "expired", identity.expired("alice-01"),
                "another issuer", identity.fromAnotherIssuer("alice-01"),
                "signed by a stranger", identity.signedByAStranger("alice-01"),
                "tampered", identity.tampered("alice-01"),
                "not a JWT", "not-a-jwt");
        bad.forEach((why, token) -> {
            HttpResponse<String> answer = send("GET", "/api/orders/0b7e8f6e-1111-4d0c-9a6f-4a43c2a6f001", "Bearer " + token);
            assertThat(answer.statusCode()).as(why).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).as(why).hasValue("application/problem+json");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(why).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
            assertThat(answer.body()).as(why).contains("\"status\":401").doesNotContain("Exception");
        });
        assertThat(orders.receivedAt("/api/orders/0b7e8f6e-1111-4d0c-9a6f-4a43c2a6f001")).isEmpty();
    }

    @Test
    void aValidTokenIsRelayedUnchangedAndGuestsPassWithoutOne() throws Exception {
        String token = identity.customer("bob-0001");
        assertThat(send("GET", "/api/orders/0b7e8f6e-2222-4d0c-9a6f-4a43c2a6f002", "Bearer " + token).statusCode())
                .isEqualTo(200);
        assertThat(orders.receivedAt("/api/orders/0b7e8f6e-2222-4d0c-9a6f-4a43c2a6f002")).singleElement()
                .satisfies(received -> assertThat(received.header("Authorization")).isEqualTo("Bearer " + token));

        assertThat(send("POST", "/api/carts", null).statusCode()).isEqualTo(200);
        assertThat(carts.receivedAt("/api/carts")).singleElement()
                .satisfies(received -> assertThat(received.header("Authorization")).isNull());
    }

    @Test
    void mineResourcesNeedAToken() throws Exception {
        HttpResponse<String> anonymous = send("GET", "/api/orders", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(send("GET", "/api/carts/mine", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/orders?page=0", "Bearer " + identity.customer("carol-01")).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/carts/mine", "Bearer " + identity.customer("carol-01")).statusCode()).isEqualTo(200);
    }

    @Test
    void adminRoutesNeedTheAdminOrServiceRole() throws Exception {
        assertThat(send("POST", "/api/catalog/products", null).statusCode()).isEqualTo(401);
        HttpResponse<String> customer = send("POST", "/api/catalog/products", "Bearer " + identity.customer("dave-01"));
        assertThat(customer.statusCode()).isEqualTo(403);
        assertThat(customer.body()).contains("admin role");
        assertThat(send("GET", "/api/payments/0b7e8f6e-3333-4d0c-9a6f-4a43c2a6f003", "Bearer " + identity.customer("dave-01"))
                .statusCode()).isEqualTo(403);
        assertThat(catalog.receivedAt("/api/catalog/products")).isEmpty();

        assertThat(send("POST", "/api/catalog/products", "Bearer " + identity.admin()).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/catalog/products/x", "Bearer " + identity.service()).statusCode()).isEqualTo(200);
        // reads stay public
        assertThat(send("GET", "/api/catalog/products", null).statusCode()).isEqualTo(200);
    }

    @Test
    void pagesNeverMeetTheTokenChecks() throws Exception {
        HttpResponse<String> page = send("GET", "/products/KETTLE-01", "Bearer not-a-jwt");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Upstream")).hasValue("storefront");
    }

    private HttpResponse<String> send(String method, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, "GET".equals(method) || "DELETE".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (!"GET".equals(method)) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
