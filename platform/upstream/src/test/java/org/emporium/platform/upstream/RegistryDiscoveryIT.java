package org.emporium.platform.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.stork.Stork;
import io.smallrye.stork.impl.CachingServiceDiscovery;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.emporium.platform.upstream.EurekaStandIn.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client whose URL is {@code stork://catalog} finds the catalog's instances in the registry named
 * by {@code EMPORIUM_REGISTRY_URL} ({@link RegistryDiscovery} writes the Stork settings), spreads
 * its calls over them, retries a failed GET on another, and stops calling an instance soon after
 * the registry drops it.
 */
@QuarkusTest
@QuarkusTestResource(value = EurekaStandIn.class, restrictToAnnotatedClass = true)
class RegistryDiscoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    GuardedCatalog catalog;

    @AfterEach
    void stopInstances() {
        EurekaStandIn.reset();
        // the next test's first call asks the registry again, rather than trying this test's stopped instances
        ((CachingServiceDiscovery) Stork.getInstance().getService("catalog").getServiceDiscovery()).invalidate();
    }

    @Test
    void callsAreSpreadOverEveryRegisteredInstance() {
        Instance a = registered("a");
        Instance b = registered("b");
        awaitServedBy(Set.of("a", "b"));
        int before = a.served().get() + b.served().get();
        int beforeA = a.served().get();

        for (int i = 0; i < 100; i++) {
            call();
        }

        int total = a.served().get() + b.served().get() - before;
        assertThat(total).isEqualTo(100);
        assertThat(a.served().get() - beforeA).isBetween(30, 70);
    }

    @Test
    void aGetThatFailsOnAnInstanceThatDiedIsRetriedOnAnotherAndTheBreakerStaysClosed() {
        registered("a");
        Instance b = registered("b");
        awaitServedBy(Set.of("a", "b"));

        b.stop(); // its port closed; still registered, as in the second before the launcher notices
        int attemptsBefore = GuardedCatalog.ATTEMPTS.get();
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            try {
                outcomes.merge(call(), 1, Integer::sum);
            } catch (RuntimeException e) {
                outcomes.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
        // every GET answered by a, some only on retry: the failed attempts are the ones that went to b
        assertThat(outcomes).containsOnlyKeys("a");
        assertThat(GuardedCatalog.ATTEMPTS.get() - attemptsBefore).isGreaterThan(60);
    }

    @Test
    void anInstanceDroppedFromTheRegistryGetsNoNewCallsWithinTwoSeconds() {
        registered("a");
        Instance b = registered("b");
        awaitServedBy(Set.of("a", "b"));

        EurekaStandIn.deregister(b);
        long dropped = System.nanoTime();
        long lastOnB = dropped;
        // call on for 3 s: none may reach b later than 2 s after it left the registry (1 s refresh
        // period + one registry round trip)
        while (System.nanoTime() - dropped < Duration.ofSeconds(3).toNanos()) {
            if (call().equals("b")) {
                lastOnB = System.nanoTime();
            }
        }
        assertThat(Duration.ofNanos(lastOnB - dropped)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aDiscoveredUrlPicksAnInstanceForEachCallAndTriesAnotherWhenOneRefuses() throws IOException {
        registered("a");
        Instance b = registered("b");
        awaitServedBy(Set.of("a", "b"));
        b.stop(); // still registered

        DiscoveredUrl keys = DiscoveredUrl.of("stork://catalog/oauth2/jwks");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        List<URI> asked = new ArrayList<>();
        // until the dead instance has been picked (about one call in 17 once it has failed: RegistryDiscovery)
        for (int i = 0; i < 200 && asked.stream().noneMatch(url -> url.getPort() == b.port()); i++) {
            String answer = keys.call(url -> {
                asked.add(url);
                try {
                    return http.send(HttpRequest.newBuilder(url).timeout(WAIT).build(), BodyHandlers.ofString()).body();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(answer).contains("\"a\"");
        }
        assertThat(asked).allSatisfy(url -> assertThat(url.getPath()).isEqualTo("/oauth2/jwks"));
        assertThat(asked).as("the dead instance was tried, and each such call answered by the other")
                .anyMatch(url -> url.getPort() == b.port());
        assertThat(DiscoveredUrl.of("http://127.0.0.1:1/x").service()).isEmpty();
    }

    private static Instance registered(String name) {
        Instance instance = EurekaStandIn.start(name);
        EurekaStandIn.register(instance);
        return instance;
    }

    private String call() {
        return catalog.product("AUD-000001").await().atMost(WAIT).instance();
    }

    /**
     * Calls until each of {@code instances} has answered. Until then calls may fail: Stork may hold
     * the previous test's list (its instances stopped) for up to 1 s, and those failures may open the
     * breaker for its 5 s delay.
     */
    private void awaitServedBy(Set<String> instances) {
        Map<String, Integer> seen = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!seen.keySet().containsAll(instances)) {
            assertThat(System.nanoTime()).as("every instance served in time; served: %s", seen).isLessThan(deadline);
            try {
                seen.merge(call(), 1, Integer::sum);
            } catch (UpstreamException | CircuitBreakerOpenException e) {
                seen.merge(e.getClass().getSimpleName(), 1, Integer::sum);
            }
        }
    }
}
