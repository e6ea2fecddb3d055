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
 *   <li>uses {@code kafka()} gets {@code EMPORIUM_KAFKA_BOOTSTRAP_SERVERS} and its Kafka user
 *       ({@code _USERNAME}, {@code _PASSWORD}, {@code _SASL_MECHANISM});</li>
 *   <li>uses {@code auth()} gets {@code EMPORIUM_AUTH_ISSUER} and identity's key set,
 *       {@code EMPORIUM_AUTH_JWKS_URL} (and with {@code serviceTokens()} the client secret
 *       {@code EMPORIUM_AUTH_CLIENT_SECRET} and {@code EMPORIUM_AUTH_TOKEN_URL}), found the way a
 *       callee is ({@link #serviceUrl}: {@code stork://identity/oauth2/jwks} where there is a registry);</li>
 *   <li>{@code calls("x")} gets {@code EMPORIUM_X_URL} ({@link #serviceUrl}), and {@code EMPORIUM_REGISTRY_URL}
 *       where instances are looked up in a registry;</li>
 *   <li>uses {@code redis()} gets {@code EMPORIUM_REDIS_HOST}/{@code _PORT}/{@code _PASSWORD}, {@code mail()} gets
 *       {@code EMPORIUM_SMTP_HOST}/{@code _PORT}.</li>
 * </ul>
 * The convention is the same wherever the services run; where that is decides the addresses and
 * the secrets: {@link LocalWiring} for {@code ./emporium up}, {@link ClusterWiring} for the
 * Kubernetes manifests (ADR 0010).
 */
public abstract class Wiring {

    private final Map<String, Node> nodes = new LinkedHashMap<>();

    protected Wiring(List<Node> graph) {
        graph.forEach(node -> nodes.put(node.name(), node));
    }

    protected Node node(String name) {
        Node node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no component named " + name + " in the service graph");
        }
        return node;
    }

    /** The port a component listens on. */
    public abstract int port(String name);

    /** The port its metrics are read from: its own, or its management port (see {@link Node#managementPortAbove}). */
    public int metricsPort(String name) {
        return port(name) + node(name).managementOffset();
    }

    /** Where another service reaches it. */
    public abstract String internalUrl(String name);

    /**
     * How {@code caller}'s client names a service it calls: its address by default (a Kubernetes
     * Service, which balances over the ready pods); a name the client looks up in the registry
     * where there is one ({@link #registryUrl()}).
     */
    public String serviceUrl(Node caller, String called) {
        return internalUrl(called);
    }

    /**
     * The flag file of runtime faults (ADR 0013) that {@code ./emporium chaos} writes and every
     * Quarkus service watches; none in a cluster (flagd or a ConfigMap would serve it there).
     */
    public java.util.Optional<java.nio.file.Path> faultsFile() {
        return java.util.Optional.empty();
    }

    /** The service registry's Eureka API, where the clients look instances up; none in a cluster (its Services balance). */
    public java.util.Optional<String> registryUrl() {
        return java.util.Optional.empty();
    }

    /** Where a browser reaches it (cookies and the token issuer name this address). */
    public abstract String publicUrl(String name);

    /** The issuer every token names and every service checks, exactly as browsers reach identity. */
    public String issuer() {
        return publicUrl("identity");
    }

    public abstract String jdbcUrl(String database);

    /** The password of a service's database role. */
    public abstract String databasePassword(String database);

    public abstract String servicesClientSecret();

    public abstract String storefrontClientSecret();

    /** The key that seals the storefront's session cookies. */
    public abstract String storefrontSessionKey();

    public abstract String kafkaBootstrapServers();

    public abstract String redisHost();

    public abstract int redisPort();

    /** The password of a service's Kafka user, whose name is the service's. */
    public abstract String kafkaPassword(String user);

    /** How Kafka's clients sign in: SASL PLAIN locally (loopback), SCRAM-SHA-512 with Strimzi. */
    public abstract String kafkaSaslMechanism();

    /** The password Redis asks of its clients. */
    public abstract String redisPassword();

    public abstract String smtpHost();

    public abstract int smtpPort();

    /** A folder a service keeps derived data in (search's index), rebuilt from Kafka when empty. */
    public abstract String dataDirectory(String service);

    /** The admin account's password, which identity sets when it creates the account on its first start. */
    public abstract String adminPassword();

    /** The key identity encrypts its token-signing keys with (Base64 of 32 bytes): whoever reads its database cannot sign. */
    public abstract String identityKeyEncryptionKey();

    /** Where the services send their spans (Zipkin's API): Zipkin itself here. */
    public String traceEndpoint() {
        return internalUrl("zipkin") + "/api/v2/spans";
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
            env.put(Node.prefix(called) + "URL", serviceUrl(node, called));
        }
        registryUrl().filter(url -> !node.calls().isEmpty() || node.usesAuth() || node.usesServiceTokens())
                .ifPresent(url -> env.put("EMPORIUM_REGISTRY_URL", url));
        // the issuer is the address browsers use, which need not be one a service can reach (in a
        // pod it is not): keys and tokens come from identity inside the system, found like any callee
        if (node.usesAuth()) {
            env.put("EMPORIUM_AUTH_ISSUER", issuer());
            env.put("EMPORIUM_AUTH_JWKS_URL", serviceUrl(node, "identity") + "/oauth2/jwks");
        }
        if (node.usesServiceTokens()) {
            env.put("EMPORIUM_AUTH_CLIENT_SECRET", servicesClientSecret());
            env.put("EMPORIUM_AUTH_TOKEN_URL", serviceUrl(node, "identity") + "/oauth2/token");
        }
        if (node.usesKafka()) {
            env.put("EMPORIUM_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
            env.put("EMPORIUM_KAFKA_USERNAME", node.name());
            env.put("EMPORIUM_KAFKA_PASSWORD", kafkaPassword(node.name()));
            env.put("EMPORIUM_KAFKA_SASL_MECHANISM", kafkaSaslMechanism());
        }
        if (node.usesRedis()) {
            env.put("EMPORIUM_REDIS_HOST", redisHost());
            env.put("EMPORIUM_REDIS_PORT", String.valueOf(redisPort()));
            env.put("EMPORIUM_REDIS_PASSWORD", redisPassword());
        }
        if (node.usesMail()) {
            env.put("EMPORIUM_SMTP_HOST", smtpHost());
            env.put("EMPORIUM_SMTP_PORT", String.valueOf(smtpPort()));
        }
        node.settings().forEach((variable, value) -> env.put(variable, value.apply(this)));
        env.put("EMPORIUM_ZIPKIN_ENDPOINT", traceEndpoint());
        if (node.isService()) {
            faultsFile().ifPresent(file -> env.put("EMPORIUM_FAULTS_FILE", file.toString()));
        }
        return env;
    }

    protected Map<String, Node> nodes() {
        return nodes;
    }
}
