package org.emporium.launcher;

import static org.emporium.launcher.Budget.heap;
import static org.emporium.launcher.Budget.process;
import static org.emporium.launcher.Node.infrastructure;
import static org.emporium.launcher.Node.quarkus;
import static org.emporium.launcher.Node.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system in one table: the infrastructure, then every service with its port, its
 * memory budget and what it uses. Read this to know what runs; settings and start order follow from the references
 * ({@link Wiring}), processes are made by {@link Processes}, and {@code ./emporium graph} prints it.
 * Default ports avoid the standard ones of system services (5432, 6379, 9092) so Emporium runs
 * beside them; {@code EMPORIUM_<NAME>_PORT} moves one, {@code EMPORIUM_PORT_OFFSET} shifts all.
 */
public final class Topology {

    /** The mail server's SMTP port (its HTTP port is the {@code mail} line's). */
    public static final int SMTP_PORT = 13025;
    public static final int KAFKA_CONTROLLER_PORT = 19093;

    /**
     * What the whole system, the launcher included, may hold at idle (PSS, in MB): the README's
     * promise of 2 GB, which it does not keep yet. Each line's {@code memory(...)} is what that
     * process held at idle after a start (median of three on the 2-core machine) and a tenth more;
     * they add up to about 2.5 GB, because each of the 14 JVMs holds 110-130 MB besides its heap
     * (class metadata and archive, JIT code, symbols). {@code ./emporium status} says when a
     * process or the total is over.
     */
    public static final int MEMORY_BUDGET_MB = 2048;

    /** The launcher's own share (its JVM flags are in the emporium script): 70-80 MB at idle. */
    public static final int LAUNCHER_BUDGET_MB = 96;

    public static final List<Node> GRAPH = List.of(
            // --- infrastructure: real servers, embedded from Maven artifacts ----------------------
            infrastructure("postgres", 15432).memory(process(90)),
            infrastructure("kafka", 19092).memory(heap(192).pss(170)),
            infrastructure("redis", 16379).memory(process(16)),
            infrastructure("zipkin", 9411).memory(heap(128).pss(145)),
            // keeps what it receives (in memory) and shows it over HTTP: GET /api/user/{address}/messages
            infrastructure("mail", 8025).memory(heap(64).pss(70)),

            // --- services --------------------------------------------------------------------------
            // None of the writers waits for Kafka: their outboxes keep events until it is there, and
            // their command consumers retry.
            quarkus("catalog", 8101).memory(heap(128).pss(160)).database().kafka().auth(),
            quarkus("inventory", 8105).memory(heap(128).pss(175)).database().kafka().auth(),
            // catalog and inventory outages degrade its answers, they do not stop it
            quarkus("cart", 8104).memory(heap(128).pss(165)).database().kafka().auth().calls("catalog", "inventory"),
            quarkus("payments", 8107).memory(heap(96).pss(165)).database().kafka().auth(),
            // the saga's orchestrator; calls cart and payments at placement, and clears carts with
            // client-credentials tokens (it acts for no user then)
            quarkus("orders", 8106).memory(heap(128).pss(175)).database().kafka().serviceTokens().calls("cart", "payments"),
            quarkus("notifications", 8108).memory(heap(96).pss(170)).database(8).kafka().auth().mail()
                    .setting("EMPORIUM_NOTIFICATIONS_SHOP_URL", w -> w.publicUrl("gateway")),
            // ready once caught up with catalog.product.v1 (which catalog's relay creates)
            quarkus("search", 8103).memory(heap(128).pss(155)).kafka().startsAfter("kafka")
                    .setting("EMPORIUM_SEARCH_INDEX_DIR", w -> w.dataDirectory("search")),
            // its model lives in memory, rebuilt from the topics at start (from its latest snapshot in
            // its data directory on); ready once caught up. Creates storefront.behaviour.v1, which the
            // storefront only produces to.
            quarkus("recommendations", 8109).memory(heap(256).pss(190)).kafka().startsAfter("kafka")
                    .setting("EMPORIUM_RECOMMENDATIONS_DATA_DIR", w -> w.dataDirectory("recommendations")),
            // publishes ProductViewed best effort (never waits for Kafka); recommendations are an
            // extra with a short deadline, so it does not wait for that service either. Sign-in is
            // the OpenID Connect code flow against identity, the session an encrypted cookie.
            quarkus("storefront", 8102).memory(heap(128).pss(150)).kafka().auth().startsAfter("catalog")
                    .calls("catalog", "search", "cart", "inventory", "orders", "recommendations")
                    .setting("EMPORIUM_STOREFRONT_CLIENT_SECRET", Wiring::storefrontClientSecret)
                    // its own calls to identity (discovery, token, keys); the browser's use the issuer
                    .setting("EMPORIUM_STOREFRONT_OIDC_INTERNAL_URL", w -> w.internalUrl("identity"))
                    .setting("EMPORIUM_STOREFRONT_REDIRECT_URI", w -> w.publicUrl("gateway") + "/login/callback")
                    .setting("EMPORIUM_STOREFRONT_POST_LOGOUT_URI", w -> w.publicUrl("gateway") + "/")
                    .setting("EMPORIUM_STOREFRONT_SESSION_KEY", Wiring::storefrontSessionKey),
            // accounts, sign-in pages and tokens. Creates the admin account with the generated password
            // (.emporium/secrets/identity-admin; a Secret in the cluster) on its first start. Its session
            // cookie is Secure only behind https (not for the local shop, which is plain HTTP).
            spring("identity", 8110).memory(heap(160).pss(200)).database(8).mail()
                    .setting("EMPORIUM_IDENTITY_ISSUER", Wiring::issuer)
                    .setting("EMPORIUM_IDENTITY_ADMIN_PASSWORD", Wiring::adminPassword)
                    .setting("EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY", Wiring::identityKeyEncryptionKey)
                    // sign-ups per client address in 10 minutes: on one machine every shopper is 127.0.0.1,
                    // behind an ingress the proxy's address (identity's default, 5, is for direct clients)
                    .setting("EMPORIUM_IDENTITY_SIGNUP_IP_MAX_ATTEMPTS", w -> "100")
                    .setting("EMPORIUM_IDENTITY_SERVICES_SECRET", Wiring::servicesClientSecret)
                    .setting("EMPORIUM_IDENTITY_STOREFRONT_SECRET", Wiring::storefrontClientSecret)
                    .setting("EMPORIUM_IDENTITY_STOREFRONT_REDIRECT_URIS", w -> w.publicUrl("gateway") + "/login/callback")
                    .setting("EMPORIUM_IDENTITY_STOREFRONT_POST_LOGOUT_REDIRECT_URIS", w -> w.publicUrl("gateway") + "/")
                    .setting("EMPORIUM_IDENTITY_COOKIE_SECURE", w -> String.valueOf(w.issuer().startsWith("https://"))),
            // the single entry point; rate limits live in Redis, which it does not wait for (it fails open)
            // its actuator (metrics) on port + 1000: nothing but the probes answers on the shop's address
            spring("gateway", 8080).memory(heap(160).pss(210)).auth().redis().startsAfter("catalog", "storefront")
                    .managementPortAbove(1000)
                    .calls("catalog", "search", "inventory", "cart", "orders", "payments", "recommendations", "storefront"));

    /**
     * Components {@code up} starts on this machine only, beside the graph: not in the manifests, the
     * graph's chart or its references (a cluster has its own observability component). Prometheus runs
     * when the machine has the binary ({@link PrometheusServer}); it scrapes, nothing depends on it.
     */
    public static final List<Node> LOCAL_ONLY = List.of(
            // Eureka, where the launcher registers every instance that answers ready and the clients
            // look them up (ADR 0012); a cluster's Services do this job there. 154 MB PSS at idle with 20
            // instances (platform/registry's README), most of it the class metadata of Spring, Tomcat and Jersey
            infrastructure(Registry.NAME, 8761).memory(heap(48).pss(160)),
            // not 9090: Debian's package runs the system's own Prometheus there
            infrastructure("prometheus", 19090).memory(process(110)));

    private Topology() {
    }

    /** The line of a component, an instance of a service ({@code catalog-2}) being its service's line. */
    private static Optional<Node> node(String name) {
        String service = Instances.service(name);
        return java.util.stream.Stream.concat(GRAPH.stream(), LOCAL_ONLY.stream())
                .filter(n -> n.name().equals(service)).findFirst();
    }

    public static List<Node> services() {
        return GRAPH.stream().filter(Node::isService).toList();
    }

    /** The port of a component: {@code EMPORIUM_<NAME>_PORT}, else the default shifted by {@code EMPORIUM_PORT_OFFSET}. */
    public static int port(String name, int defaultPort) {
        String variable = Node.prefix(name) + "PORT";
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return defaultPort + offset();
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " is not a port number: " + value);
        }
    }

    /** The memory budget of a component of the graph; only the total is held for a name it does not know. */
    public static Budget budget(String name) {
        return node(name).map(Node::memory).orElse(process(0));
    }

    /** What a component of the graph is started after (nothing for a name it does not know). */
    public static List<String> startsAfter(String name) {
        return node(name).map(Node::startsAfter).orElse(List.of());
    }

    /** Whether a component of the graph is infrastructure rather than one of our services. */
    public static boolean isInfrastructure(String name) {
        return node(name).map(n -> !n.isService()).orElse(false);
    }

    /** The port of a component of the graph. */
    public static int port(String name) {
        return node(name)
                .map(n -> port(name, n.defaultPort()))
                .orElseThrow(() -> new IllegalArgumentException("no component named " + name + " in the service graph"));
    }

    /**
     * Where a component's Prometheus metrics are read ({@code ./emporium top}, the Prometheus
     * {@code up} starts): its metrics path on its metrics port ({@link Wiring#metricsPort}: its port, or
     * its management port when the graph gives it one); empty for infrastructure and names not in the graph.
     */
    public static Optional<String> metricsUrl(String name) {
        return node(name).filter(Node::isService).map(n -> "http://127.0.0.1:"
                + new LocalWiring(new Workspace(java.nio.file.Path.of(".")), GRAPH).metricsPort(name) + n.metricsPath());
    }

    /** {@link #metricsUrl(String)} of one instance of a service, which listens on {@code port} ({@code catalog-2}'s, say). */
    public static Optional<String> metricsUrl(String name, int port) {
        return node(name).filter(Node::isService)
                .map(n -> "http://127.0.0.1:" + (port + n.managementOffset()) + n.metricsPath());
    }

    /** Every port the system listens on, by component (SMTP, Kafka's controller, management ports and Prometheus included). */
    public static Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        GRAPH.forEach(node -> ports.put(node.name(), port(node.name(), node.defaultPort())));
        LOCAL_ONLY.forEach(node -> ports.put(node.name(), port(node.name(), node.defaultPort())));
        GRAPH.stream().filter(node -> node.managementOffset() > 0)
                .forEach(node -> ports.put(node.name() + "-management", port(node.name(), node.defaultPort()) + node.managementOffset()));
        ports.put("smtp", port("smtp", SMTP_PORT));
        ports.put("kafka-controller", port("kafka-controller", KAFKA_CONTROLLER_PORT));
        return ports;
    }

    private static int offset() {
        String value = System.getenv("EMPORIUM_PORT_OFFSET");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EMPORIUM_PORT_OFFSET is not a number: " + value);
        }
    }
}
