package org.emporium.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's side of the registry, against a recorder of Eureka's REST calls (the real Eureka
 * server takes the same calls in platform/registry's test, and the whole system in tests/chaos).
 */
class RegistryTest {

    private HttpServer eureka;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private Registry registry;

    @BeforeEach
    void recorder() throws IOException {
        eureka = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        eureka.createContext("/eureka/apps/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + path + (body.isEmpty() ? "" : " " + body));
            String id = path.substring(path.lastIndexOf('/') + 1);
            int status = switch (exchange.getRequestMethod()) {
                case "POST" -> {
                    known.add(body.replaceAll(".*\"instanceId\":\"([^\"]+)\".*", "$1"));
                    yield 204;
                }
                case "PUT" -> known.contains(id) ? 200 : 404;
                case "DELETE" -> known.remove(id) ? 200 : 404;
                default -> 405;
            };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        eureka.start();
        registry = new Registry(URI.create("http://127.0.0.1:" + eureka.getAddress().getPort() + "/eureka"),
                new Console(new PrintStream(new ByteArrayOutputStream()), false, true));
    }

    @AfterEach
    void stop() {
        eureka.stop(0);
    }

    @Test
    void aReadyInstanceIsRegisteredWithItsAddressThenRenewed() {
        Copy copy = new Copy("catalog-2", 8111);
        registry.check(List.of(copy));
        assertThat(calls).singleElement().asString().startsWith("POST /eureka/apps/CATALOG ")
                .contains("\"instanceId\":\"catalog-2\"", "\"vipAddress\":\"catalog\"", "\"$\":8111",
                        "\"hostName\":\"127.0.0.1\"", "\"status\":\"UP\"");
        registry.check(List.of(copy));
        assertThat(calls).last().isEqualTo("PUT /eureka/apps/CATALOG/catalog-2");
        assertThat(registry.registered()).containsExactly("catalog-2");
    }

    @Test
    void aDeadProcessIsRemovedAtOnceAndAnUnreadyOneAfterTwoProbes() {
        Copy dead = new Copy("catalog", 8101);
        Copy slow = new Copy("cart", 8104);
        Copy other = new Copy("cart-2", 8114);
        List<Component> all = List.of(dead, slow, other);
        registry.check(all);
        dead.alive = false;
        slow.ready = false;
        registry.check(all);
        assertThat(calls).contains("DELETE /eureka/apps/CATALOG/catalog").doesNotContain("DELETE /eureka/apps/CART/cart");
        registry.check(all);
        assertThat(calls).contains("DELETE /eureka/apps/CART/cart");
        assertThat(registry.registered()).containsExactly("cart-2");

        slow.ready = true;
        dead.alive = true; // restarted by the supervisor
        registry.check(all);
        assertThat(registry.registered()).containsExactlyInAnyOrder("catalog", "cart", "cart-2");
    }

    @Test
    void theLastCopyThatRunsStaysThroughFailedProbesButNotThroughItsDeath() {
        Copy only = new Copy("cart", 8104);
        Copy first = new Copy("catalog", 8101);
        Copy second = new Copy("catalog-2", 8111);
        List<Component> all = List.of(only, first, second);
        registry.check(all);
        only.ready = false;
        first.ready = false;
        second.ready = false; // both catalog copies slow at once: neither is taken out
        for (int i = 0; i < 4; i++) {
            registry.check(all);
        }
        assertThat(registry.registered()).containsExactlyInAnyOrder("cart", "catalog", "catalog-2");
        assertThat(calls).noneMatch(call -> call.startsWith("DELETE"));

        only.alive = false;
        registry.check(all);
        assertThat(registry.registered()).doesNotContain("cart");
    }

    @Test
    void aCopyTakenAwayLeavesAtOnceAndIsNotRegisteredAgainNorIsOneThatIsNoLongerRun() {
        Copy leaving = new Copy("catalog-3", 8112);
        Copy forgotten = new Copy("catalog-2", 8111);
        registry.check(List.of(leaving, forgotten));
        registry.remove(leaving);
        assertThat(calls).last().isEqualTo("DELETE /eureka/apps/CATALOG/catalog-3");
        registry.check(List.of(leaving));
        assertThat(calls).contains("DELETE /eureka/apps/CATALOG/catalog-2");
        assertThat(registry.registered()).isEmpty();
        // a new copy of the same name is another instance: it joins
        registry.check(List.of(new Copy("catalog-3", 8113)));
        assertThat(registry.registered()).containsExactly("catalog-3");
    }

    @Test
    void anInstanceTheRegistryForgotIsRegisteredAgain() {
        Copy copy = new Copy("search", 8103);
        registry.check(List.of(copy));
        known.clear(); // the registry restarted, with nothing
        registry.check(List.of(copy));
        assertThat(calls).last().asString().startsWith("POST /eureka/apps/SEARCH ");
        assertThat(known).containsExactly("search");
    }

    @Test
    void nothingCountsAsRegisteredWhileTheRegistryDoesNotAnswer() {
        eureka.stop(0);
        Copy copy = new Copy("orders", 8106);
        registry.check(List.of(copy));
        assertThat(registry.registered()).isEmpty();
    }

    /** A service instance whose process and readiness the test decides. */
    static final class Copy implements Component {
        private final String name;
        private final int port;
        volatile boolean alive = true;
        volatile boolean ready = true;

        Copy(String name, int port) {
            this.name = name;
            this.port = port;
        }

        @Override public String name() { return name; }
        @Override public List<String> needs() { return List.of(); }
        @Override public int port() { return port; }
        @Override public String url() { return "http://localhost:" + port; }
        @Override public void start() { alive = true; }
        @Override public boolean isReady() { return alive && ready; }
        @Override public boolean isAlive() { return alive; }
        @Override public long pid() { return -1; }
        @Override public void stop() { alive = false; }
        @Override public List<String> recentOutput() { return List.of(); }
    }
}
