package org.emporium.launcher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one naming convention that turns the graph's references into settings. A service that
 * <ul>
 *   <li>runs at all gets {@code EMPORIUM_<NAME>_PORT} and {@code EMPORIUM_ZIPKIN_ENDPOINT};</li>
 *   <li>has a {@code database()} gets {@code EMPORIUM_<NAME>_DB_URL}, {@code _DB_USER}, {@code _DB_PASSWORD}
 *       and its pool size {@code _DB_POOL};</li>
 *   <li>uses {@code kafka()} gets {@code EMPORIUM_KAFKA_BOOTSTRAP_SERVERS};</li>
 *   <li>uses {@code auth()} gets {@code EMPORIUM_AUTH_ISSUER} (and with {@code serviceTokens()} the
 *       client secret {@code EMPORIUM_AUTH_CLIENT_SECRET});</li>
 *   <li>{@code calls("x")} gets {@code EMPORIUM_X_URL};</li>
 *   <li>uses {@code redis()} gets {@code EMPORIUM_REDIS_HOST}/{@code _PORT}, {@code mail()} gets
 *       {@code EMPORIUM_SMTP_HOST}/{@code _PORT}.</li>
 * </ul>
 * Every port is {@code EMPORIUM_<NAME>_PORT} when set, else the declared default shifted by
 * {@code EMPORIUM_PORT_OFFSET} (so a second system, the tests' say, runs beside the first).
 */
public final class Wiring {

    private final Workspace workspace;
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    public Wiring(Workspace workspace, List<Node> graph) {
        this.workspace = workspace;
        graph.forEach(node -> nodes.put(node.name(), node));
    }

    public int port(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no component named " + name + " in the service graph");
        }
        return Topology.port(name, node.defaultPort());
    }

    /** Where another process on this machine reaches it. */
    public String internalUrl(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    /** Where a browser reaches it (cookies and the token issuer name localhost). */
    public String publicUrl(String name) {
        return "http://localhost:" + port(name);
    }

    /** The issuer every token names and every service checks, exactly as browsers reach identity. */
    public String issuer() {
        return publicUrl("identity");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port("postgres") + "/" + database;
    }

    /** The password of a service's database role, generated on first start. */
    public String databasePassword(String database) {
        return workspace.secret("postgres-" + database, null);
    }

    public String servicesClientSecret() {
        return workspace.secret("identity-services-client", "EMPORIUM_IDENTITY_SERVICES_SECRET");
    }

    public String storefrontClientSecret() {
        return workspace.secret("identity-storefront-client", "EMPORIUM_IDENTITY_STOREFRONT_SECRET");
    }

    /** The mail server's SMTP side; its HTTP side is the {@code mail} node's port. */
    public int smtpPort() {
        return Topology.port("smtp", Topology.SMTP_PORT);
    }

    public int kafkaControllerPort() {
        return Topology.port("kafka-controller", Topology.KAFKA_CONTROLLER_PORT);
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Every database of the graph with its role's password, for Postgres to create. */
    public Map<String, String> databases() {
        Map<String, String> databases = new LinkedHashMap<>();
        nodes.values().stream().filter(Node::usesDatabase)
                .forEach(node -> databases.put(node.name(), databasePassword(node.name())));
        return databases;
    }

    /** Connections the services' pools may open, all together: Postgres allows these and a few of its own. */
    public int databaseConnections() {
        return nodes.values().stream().mapToInt(Node::connections).sum();
    }

    /** The environment of a service, all of it following from its references. */
    public Map<String, String> environment(Node node) {
        Map<String, String> env = new LinkedHashMap<>();
        String own = Node.prefix(node.name());
        env.put(own + "PORT", String.valueOf(port(node.name())));
        if (node.usesDatabase()) {
            env.put(own + "DB_URL", jdbcUrl(node.name()));
            env.put(own + "DB_USER", node.name());
            env.put(own + "DB_PASSWORD", databasePassword(node.name()));
            env.put(own + "DB_POOL", String.valueOf(node.connections()));
        }
        for (String called : node.calls()) {
            env.put(Node.prefix(called) + "URL", internalUrl(called));
        }
        if (node.usesAuth()) {
            env.put("EMPORIUM_AUTH_ISSUER", issuer());
        }
        if (node.usesServiceTokens()) {
            env.put("EMPORIUM_AUTH_CLIENT_SECRET", servicesClientSecret());
        }
        if (node.usesKafka()) {
            env.put("EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port("kafka"));
        }
        if (node.usesRedis()) {
            env.put("EMPORIUM_REDIS_HOST", "127.0.0.1");
            env.put("EMPORIUM_REDIS_PORT", String.valueOf(port("redis")));
        }
        if (node.usesMail()) {
            env.put("EMPORIUM_SMTP_HOST", "127.0.0.1");
            env.put("EMPORIUM_SMTP_PORT", String.valueOf(smtpPort()));
        }
        node.settings().forEach((variable, value) -> env.put(variable, value.apply(this)));
        env.put("EMPORIUM_ZIPKIN_ENDPOINT", internalUrl("zipkin") + "/api/v2/spans");
        return env;
    }
}
