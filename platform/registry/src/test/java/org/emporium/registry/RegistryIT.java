package org.emporium.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry as the launcher (writer) and the gateway and services (readers) use it: Eureka's REST API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    int port;

    @Test
    void readersSeeARegistrationAtOnceAndACancellationAtOnce() throws Exception {
        assertThat(register("CATALOG", "catalog-2", 8111, 10)).isEqualTo(204);

        JsonNode instance = instance("CATALOG", "catalog-2");
        assertThat(instance).as("catalog-2 right after its registration").isNotNull();
        assertThat(instance.get("status").asString()).isEqualTo("UP");
        assertThat(instance.get("vipAddress").asString()).isEqualTo("catalog");
        assertThat(instance.at("/port/$").asInt()).isEqualTo(8111);
        assertThat(instance.at("/port/@enabled").asString()).isEqualTo("true");
        assertThat(instance.get("healthCheckUrl").asString()).isEqualTo("http://127.0.0.1:8111/q/health/ready");
        assertThat(instance.at("/leaseInfo/durationInSecs").asInt()).isEqualTo(10);
        assertThat(instance.at("/metadata/instance").asString()).isEqualTo("catalog-2");

        assertThat(send("PUT", "/eureka/apps/CATALOG/catalog-2").statusCode()).as("heartbeat").isEqualTo(200);
        assertThat(send("DELETE", "/eureka/apps/CATALOG/catalog-2").statusCode()).as("cancel").isEqualTo(200);

        assertThat(instance("CATALOG", "catalog-2")).as("catalog-2 right after its cancellation").isNull();
        assertThat(send("PUT", "/eureka/apps/CATALOG/catalog-2").statusCode())
                .as("a heartbeat for a cancelled instance: the launcher registers it again").isEqualTo(404);
    }

    @Test
    void listsEveryInstanceOfAnAppAndEveryApp() throws Exception {
        register("CART", "cart-1", 8121, 10);
        register("CART", "cart-2", 8122, 10);
        register("SEARCH", "search-1", 8131, 10);

        assertThat(instanceIds(get("/eureka/apps/CART").get("application"))).containsExactlyInAnyOrder("cart-1", "cart-2");
        List<String> apps = new ArrayList<>();
        get("/eureka/apps").at("/applications/application").forEach(app -> apps.add(app.get("name").asString()));
        assertThat(apps).contains("CART", "SEARCH");
    }

    @Test
    void evictsAnInstanceWhoseLeaseIsNotRenewed() throws Exception {
        register("ORDERS", "orders-1", 8141, 2);
        assertThat(instance("ORDERS", "orders-1")).isNotNull();

        // A lease never renewed expires one duration after its registration (2 s here), and goes at the
        // next eviction pass (every second).
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(instance("ORDERS", "orders-1")).isNull());
    }

    @Test
    void keepsARenewedInstanceAndRemovesItOnlyWhenRenewalsStop() throws Exception {
        // renewed leases last twice their duration after the last renewal (README): ~4 s here
        register("PAYMENTS", "payments-1", 8151, 2);
        long renewUntil = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < renewUntil) {
            assertThat(send("PUT", "/eureka/apps/PAYMENTS/payments-1").statusCode()).isEqualTo(200);
            assertThat(instance("PAYMENTS", "payments-1")).as("renewed, so never evicted").isNotNull();
            Thread.sleep(500);
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(instance("PAYMENTS", "payments-1")).isNull());
    }

    @Test
    void answersItsProbesAndExposesNothingElse() throws Exception {
        assertThat(send("GET", "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/env").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/actuator/metrics").statusCode()).isEqualTo(404);
    }

    /** Registers an instance with the very body the launcher sends. */
    private int register(String app, String instanceId, int instancePort, int leaseSeconds) throws Exception {
        String base = "http://127.0.0.1:" + instancePort;
        String body = """
                {"instance":{"instanceId":"%s","app":"%s","hostName":"127.0.0.1","ipAddr":"127.0.0.1",
                 "vipAddress":"%s","secureVipAddress":"%s","status":"UP",
                 "port":{"$":%d,"@enabled":"true"},"securePort":{"$":443,"@enabled":"false"},
                 "homePageUrl":"%s/","statusPageUrl":"%s/q/health","healthCheckUrl":"%s/q/health/ready",
                 "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"},
                 "leaseInfo":{"renewalIntervalInSecs":2,"durationInSecs":%d},"metadata":{"instance":"%s"}}}
                """.formatted(instanceId, app, app.toLowerCase(), app.toLowerCase(), instancePort, base, base, base,
                leaseSeconds, instanceId);
        return client.send(request("/eureka/apps/" + app)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.discarding()).statusCode();
    }

    /** The instance as readers see it, or null when the registry does not list it. */
    private JsonNode instance(String app, String instanceId) throws Exception {
        HttpResponse<String> response = send("GET", "/eureka/apps/" + app);
        if (response.statusCode() == 404) {
            return null;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode instance : json.readTree(response.body()).at("/application/instance")) {
            if (instance.get("instanceId").asString().equals(instanceId)) {
                return instance;
            }
        }
        return null;
    }

    private static List<String> instanceIds(JsonNode application) {
        List<String> ids = new ArrayList<>();
        application.get("instance").forEach(instance -> ids.add(instance.get("instanceId").asString()));
        return ids;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send("GET", path);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return client.send(request(path).method(method, BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10));
    }
}
