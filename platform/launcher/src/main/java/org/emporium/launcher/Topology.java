package org.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system in one table: the infrastructure, then every service with its port, heap,
 * database and what it needs. Read this to know what runs; nothing is hidden in scripts.
 * Every port can be moved with {@code EMPORIUM_<NAME>_PORT}; the defaults avoid the standard
 * ports of system services (5432, 6379, 9092) so Emporium runs beside them.
 */
public final class Topology {

    private final Workspace workspace;
    private final Console console;
    private final String java;
    private final List<Component> components = new ArrayList<>();
    private final Map<String, String> databases = new LinkedHashMap<>();

    public Topology(Workspace workspace, Console console, String java) {
        this.workspace = workspace;
        this.console = console;
        this.java = java;
    }

    public List<Component> components() {
        String zipkin = "http://127.0.0.1:" + port("zipkin", 9411) + "/api/v2/spans";
        String kafka = "127.0.0.1:" + port("kafka", 19092);
        // identity: the issuer every token names and every service checks, exactly as browsers reach it
        String issuer = "http://localhost:" + port("identity", 8110);
        String shop = "http://localhost:" + port("gateway", 8080);
        String servicesSecret = workspace.secret("identity-services-client", "EMPORIUM_IDENTITY_SERVICES_SECRET");
        String storefrontSecret = workspace.secret("identity-storefront-client", "EMPORIUM_IDENTITY_STOREFRONT_SECRET");

        // --- infrastructure: real servers, embedded from Maven artifacts ---------------------
        database("catalog");
        database("inventory");
        database("cart");
        database("orders");
        database("payments");
        database("notifications");
        database("identity");
        PostgresComponent postgres = new PostgresComponent(workspace, port("postgres", 15432), databases);
        add(postgres);
        add(new KafkaComponent(workspace, java, classpath("platform/infrastructure/target/kafka.classpath"),
                port("kafka", 19092), port("kafka-controller", 19093), "192m", console));
        add(new RedisComponent(workspace, port("redis", 16379), console));
        add(jvm("zipkin", port("zipkin", 9411), "/health", List.of(),
                // C1 only: Zipkin's own speed matters little, and full JIT work would slow the services' start
                List.of("-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", artifact("platform/infrastructure/target/zipkin.jar")),
                Map.of("QUERY_PORT", String.valueOf(port("zipkin", 9411)), "STORAGE_TYPE", "mem",
                        "MEM_MAX_SPANS", "100000", "LOGGING_LEVEL_ROOT", "WARN")));
        // a local SMTP server that keeps what it receives (in memory) and shows it over HTTP:
        // GET /api/user/{address}/messages; the port is the HTTP one, SMTP is EMPORIUM_SMTP_PORT
        int smtpPort = port("smtp", 13025);
        add(jvm("mail", port("mail", 8025), "/api/service/readiness", List.of(),
                List.of("-Xmx64m", "-XX:TieredStopAtLevel=1", "-Dgreenmail.smtp.hostname=127.0.0.1",
                        "-Dgreenmail.smtp.port=" + smtpPort, "-Dgreenmail.api.hostname=127.0.0.1",
                        "-Dgreenmail.api.port=" + port("mail", 8025), "-Dgreenmail.auth.disabled",
                        "-jar", artifact("platform/infrastructure/target/greenmail.jar")), Map.of()));

        // --- services ---------------------------------------------------------------------------
        String catalogUrl = "http://127.0.0.1:" + port("catalog", 8101);
        String searchUrl = "http://127.0.0.1:" + port("search", 8103);
        String inventoryUrl = "http://127.0.0.1:" + port("inventory", 8105);
        String cartUrl = "http://127.0.0.1:" + port("cart", 8104);
        String ordersUrl = "http://127.0.0.1:" + port("orders", 8106);
        String paymentsUrl = "http://127.0.0.1:" + port("payments", 8107);
        String recommendationsUrl = "http://127.0.0.1:" + port("recommendations", 8109);
        // catalog does not wait for Kafka: its outbox keeps events until Kafka is there
        add(quarkus("catalog", port("catalog", 8101), "128m", List.of("postgres"), Map.of(
                "EMPORIUM_CATALOG_DB_URL", postgres.jdbcUrl("catalog"),
                "EMPORIUM_CATALOG_DB_USER", "catalog",
                "EMPORIUM_CATALOG_DB_PASSWORD", databases.get("catalog"),
                "EMPORIUM_AUTH_ISSUER", issuer,
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EMPORIUM_ZIPKIN_ENDPOINT", zipkin)));
        // inventory does not wait for Kafka either: its outbox keeps events, its command consumer retries
        add(quarkus("inventory", port("inventory", 8105), "128m", List.of("postgres"), Map.of(
                "EMPORIUM_INVENTORY_DB_URL", postgres.jdbcUrl("inventory"),
                "EMPORIUM_INVENTORY_DB_USER", "inventory",
                "EMPORIUM_INVENTORY_DB_PASSWORD", databases.get("inventory"),
                "EMPORIUM_AUTH_ISSUER", issuer,
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EMPORIUM_ZIPKIN_ENDPOINT", zipkin)));
        // cart does not wait for Kafka: its outbox keeps events; catalog/inventory outages degrade its answers
        add(quarkus("cart", port("cart", 8104), "128m", List.of("postgres"), Map.of(
                "EMPORIUM_CART_DB_URL", postgres.jdbcUrl("cart"),
                "EMPORIUM_CART_DB_USER", "cart",
                "EMPORIUM_CART_DB_PASSWORD", databases.get("cart"),
                "EMPORIUM_CATALOG_URL", catalogUrl,
                "EMPORIUM_INVENTORY_URL", inventoryUrl,
                "EMPORIUM_AUTH_ISSUER", issuer,
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EMPORIUM_ZIPKIN_ENDPOINT", zipkin)));
        // the checkout saga's participants and orchestrator: none waits for Kafka (outboxes keep
        // their messages, consumers retry); orders calls cart and payments over HTTP at placement
        add(quarkus("payments", port("payments", 8107), "96m", List.of("postgres"), Map.of(
                "EMPORIUM_PAYMENTS_DB_URL", postgres.jdbcUrl("payments"),
                "EMPORIUM_PAYMENTS_DB_USER", "payments",
                "EMPORIUM_PAYMENTS_DB_PASSWORD", databases.get("payments"),
                "EMPORIUM_AUTH_ISSUER", issuer,
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EMPORIUM_ZIPKIN_ENDPOINT", zipkin)));
        add(quarkus("orders", port("orders", 8106), "128m", List.of("postgres"), Map.of(
                "EMPORIUM_ORDERS_DB_URL", postgres.jdbcUrl("orders"),
                "EMPORIUM_ORDERS_DB_USER", "orders",
                "EMPORIUM_ORDERS_DB_PASSWORD", databases.get("orders"),
                "EMPORIUM_CART_URL", cartUrl,
                "EMPORIUM_PAYMENTS_URL", paymentsUrl,
                "EMPORIUM_AUTH_ISSUER", issuer,
                // the saga's calls that act for no user (clearing a cart) use client-credentials tokens
                "EMPORIUM_AUTH_CLIENT_SECRET", servicesSecret,
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EMPORIUM_ZIPKIN_ENDPOINT", zipkin)));
        add(quarkus("notifications", port("notifications", 8108), "96m", List.of("postgres"), Map.of(
                "EMPORIUM_NOTIFICATIONS_DB_URL", postgres.jdbcUrl("notifications"),
                "EMPORIUM_NOTIFICATIONS_DB_USER", "notifications",
                "EMPORIUM_NOTIFICATIONS_DB_PASSWORD", databases.get("notifications"),
                "EMPORIUM_NOTIFICATIONS_SHOP_URL", "http://localhost:" + port("gateway", 8080),
                "EMPORIUM_SMTP_HOST", "127.0.0.1",
                "EMPORIUM_SMTP_PORT", String.valueOf(smtpPort),
                "EMPORIUM_AUTH_ISSUER", issuer,
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EMPORIUM_ZIPKIN_ENDPOINT", zipkin)));
        // ready once it has caught up with catalog.product.v1 (which catalog's relay creates)
        add(quarkus("search", port("search", 8103), "128m", List.of("kafka"), Map.of(
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EMPORIUM_SEARCH_INDEX_DIR", workspace.data("search").toString(),
                "EMPORIUM_ZIPKIN_ENDPOINT", zipkin)));
        // its model lives in memory, replayed from the topics at every start (no database); ready
        // once caught up. Creates storefront.behaviour.v1, which the storefront only produces to.
        add(quarkus("recommendations", port("recommendations", 8109), "256m", List.of("kafka"), Map.of(
                "EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka,
                "EMPORIUM_ZIPKIN_ENDPOINT", zipkin)));
        // publishes ProductViewed best effort (never waits for Kafka); recommendations are an extra
        // with a short deadline, so it does not wait for that service either
        add(quarkus("storefront", port("storefront", 8102), "96m", List.of("catalog"), Map.ofEntries(
                Map.entry("EMPORIUM_CATALOG_URL", catalogUrl),
                Map.entry("EMPORIUM_SEARCH_URL", searchUrl),
                Map.entry("EMPORIUM_CART_URL", cartUrl),
                Map.entry("EMPORIUM_INVENTORY_URL", inventoryUrl),
                Map.entry("EMPORIUM_ORDERS_URL", ordersUrl),
                Map.entry("EMPORIUM_RECOMMENDATIONS_URL", recommendationsUrl),
                // sign-in: the OpenID Connect code flow against identity, sessions in an encrypted cookie
                Map.entry("EMPORIUM_AUTH_ISSUER", issuer),
                Map.entry("EMPORIUM_STOREFRONT_CLIENT_SECRET", storefrontSecret),
                Map.entry("EMPORIUM_STOREFRONT_REDIRECT_URI", shop + "/login/callback"),
                Map.entry("EMPORIUM_STOREFRONT_POST_LOGOUT_URI", shop + "/"),
                Map.entry("EMPORIUM_STOREFRONT_SESSION_KEY", workspace.base64Secret("storefront-session-key", 32)),
                Map.entry("EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafka),
                Map.entry("EMPORIUM_ZIPKIN_ENDPOINT", zipkin))));
        // accounts, sign-in pages and tokens (Spring Authorization Server). It writes the generated
        // admin password to .emporium/admin-password on its first start. Its session cookie is not
        // Secure here because the local shop is plain HTTP.
        add(springWithAotCache(jvm("identity", port("identity", 8110), "/actuator/health/readiness", List.of("postgres"),
                List.of("-Xmx160m", "-jar", artifact("services/identity/target/identity.jar")), Map.ofEntries(
                        Map.entry("EMPORIUM_IDENTITY_ISSUER", issuer),
                        Map.entry("EMPORIUM_IDENTITY_DB_URL", postgres.jdbcUrl("identity")),
                        Map.entry("EMPORIUM_IDENTITY_DB_USER", "identity"),
                        Map.entry("EMPORIUM_IDENTITY_DB_PASSWORD", databases.get("identity")),
                        Map.entry("EMPORIUM_IDENTITY_ADMIN_PASSWORD_FILE", workspace.home().resolve("admin-password").toString()),
                        Map.entry("EMPORIUM_IDENTITY_SERVICES_SECRET", servicesSecret),
                        Map.entry("EMPORIUM_IDENTITY_STOREFRONT_SECRET", storefrontSecret),
                        Map.entry("EMPORIUM_IDENTITY_STOREFRONT_REDIRECT_URIS", shop + "/login/callback"),
                        Map.entry("EMPORIUM_IDENTITY_STOREFRONT_POST_LOGOUT_REDIRECT_URIS", shop + "/"),
                        Map.entry("EMPORIUM_IDENTITY_COOKIE_SECURE", "false"),
                        Map.entry("EMPORIUM_ZIPKIN_ENDPOINT", zipkin)))));
        add(springWithAotCache(jvm("gateway", port("gateway", 8080), "/actuator/health/readiness",
                List.of("catalog", "storefront"),
                List.of("-Xmx160m", "-jar", artifact("services/gateway/target/gateway.jar")), Map.ofEntries(
                        Map.entry("EMPORIUM_CATALOG_URL", catalogUrl),
                        Map.entry("EMPORIUM_SEARCH_URL", searchUrl),
                        Map.entry("EMPORIUM_INVENTORY_URL", inventoryUrl),
                        Map.entry("EMPORIUM_CART_URL", cartUrl),
                        Map.entry("EMPORIUM_ORDERS_URL", ordersUrl),
                        Map.entry("EMPORIUM_PAYMENTS_URL", paymentsUrl),
                        Map.entry("EMPORIUM_RECOMMENDATIONS_URL", recommendationsUrl),
                        Map.entry("EMPORIUM_STOREFRONT_URL", "http://127.0.0.1:" + port("storefront", 8102)),
                        // rate limits live in Redis; the gateway does not wait for it (it fails open)
                        Map.entry("EMPORIUM_AUTH_ISSUER", issuer),
                        Map.entry("EMPORIUM_REDIS_HOST", "127.0.0.1"),
                        Map.entry("EMPORIUM_REDIS_PORT", String.valueOf(port("redis", 16379))),
                        Map.entry("EMPORIUM_ZIPKIN_ENDPOINT", zipkin)))));
        return components;
    }

    private void add(Component component) {
        console.register(component.name());
        components.add(component);
    }

    private void database(String name) {
        databases.put(name, workspace.secret("postgres-" + name, null));
    }

    /**
     * A Quarkus service, started from its quarkus-app folder so the AppCDS archive recorded at
     * packaging (app-cds.jsa, with paths relative to that folder) is mapped.
     */
    private Component quarkus(String name, int port, String heap, List<String> needs, Map<String, String> env) {
        Path app = Path.of(artifact("services/" + name + "/target/quarkus-app/quarkus-run.jar")).getParent();
        List<String> args = new ArrayList<>(List.of("-Xmx" + heap));
        if (Files.exists(app.resolve("app-cds.jsa"))) {
            args.addAll(List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xlog:cds=off", "-Xlog:class+path=off"));
        }
        args.addAll(List.of("-jar", "quarkus-run.jar"));
        ProcessComponent component = jvm(name, port, "/q/health/ready", needs, args, env);
        component.workingDirectory = app;
        return component;
    }

    private ProcessComponent jvm(String name, int port, String healthPath, List<String> needs, List<String> args,
                          Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(java, "-Xms32m", "-XX:+UseSerialGC", "-Xss512k",
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(args);
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.put("EMPORIUM_" + name.toUpperCase().replace('-', '_') + "_PORT", String.valueOf(port));
        String base = "http://127.0.0.1:" + port;
        return new ProcessComponent(name, needs, port, "http://localhost:" + port, command, environment,
                Probe.http(base + healthPath), workspace.log(name), console);
    }

    /**
     * The gateway is last on the start-up path and Spring spends seconds loading classes: on
     * JDK 25+ it starts from an AOT cache, trained once per build by a run that stops right
     * after the application context is refreshed (measured: 7-8 s → about 3 s).
     */
    private Component springWithAotCache(ProcessComponent component) {
        if (!AheadOfTimeCache.supported()) {
            return component;
        }
        List<String> command = component.command();
        int jarAt = command.indexOf("-jar");
        AheadOfTimeCache cache = new AheadOfTimeCache(workspace, component.name(), Path.of(command.get(jarAt + 1)));
        return new ProcessComponent(component.name(), component.needs(), component.port(), component.url(), command,
                component.environment(), component.probe(), workspace.log(component.name()), console) {
            @Override
            protected void prepare() throws Exception {
                if (!cache.fresh()) {
                    console.progress("training " + name() + "'s start-up cache (once per build)");
                    cache.train(command.subList(0, jarAt), List.of("-Dspring.context.exit=onRefresh",
                            "-Dserver.port=0", "-Dmanagement.tracing.export.zipkin.enabled=false",
                            "-jar", command.get(jarAt + 1)), workspace.log(name()));
                }
                startOptions = cache.flags();
            }
        };
    }

    private String artifact(String relative) {
        Path path = workspace.artifact(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(relative + " is missing; build first (./emporium up builds what is stale)");
        }
        return path.toString();
    }

    private String classpath(String relative) {
        try {
            return Files.readString(Path.of(artifact(relative))).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port of a component: {@code EMPORIUM_<NAME>_PORT} or the default. */
    public static int port(String name, int defaultPort) {
        String value = System.getenv("EMPORIUM_" + name.toUpperCase().replace('-', '_') + "_PORT");
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EMPORIUM_" + name.toUpperCase() + "_PORT is not a port number: " + value);
        }
    }
}
