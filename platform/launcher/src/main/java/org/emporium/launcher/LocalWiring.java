package org.emporium.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services on this machine, as {@code ./emporium up} runs them: everything on 127.0.0.1,
 * every port {@code EMPORIUM_<NAME>_PORT} when set, else the declared default shifted by
 * {@code EMPORIUM_PORT_OFFSET} (so a second system, the tests' say, runs beside the first), and
 * secrets generated on the first start into {@code .emporium/secrets}.
 */
public final class LocalWiring extends Wiring {

    private static final String ADMIN_PASSWORD_SECRET = "identity-admin";

    private final Workspace workspace;

    public LocalWiring(Workspace workspace, List<Node> graph) {
        super(graph);
        this.workspace = workspace;
    }

    @Override
    public int port(String name) {
        return Topology.port(name, node(name).defaultPort());
    }

    @Override
    public String internalUrl(String name) {
        return "http://127.0.0.1:" + port(name);
    }

    /**
     * Looked up in the registry the launcher runs (ADR 0012), by the client library of the caller's
     * kind: SmallRye Stork in the Quarkus services, Spring Cloud LoadBalancer at the gateway. Each
     * balances over the instances the launcher has registered because they answer ready.
     */
    @Override
    public String serviceUrl(Node caller, String called) {
        return (caller.kind() == Node.Kind.SPRING ? "lb://" : "stork://") + called;
    }

    @Override
    public java.util.Optional<String> registryUrl() {
        return java.util.Optional.of("http://127.0.0.1:" + Topology.port(Registry.NAME) + "/eureka");
    }

    /** The flag file, unless {@code EMPORIUM_FAULTS=off} (no service then watches one; tests/load/faults.sh compares). */
    @Override
    public java.util.Optional<Path> faultsFile() {
        return "off".equals(System.getenv("EMPORIUM_FAULTS")) ? java.util.Optional.empty()
                : java.util.Optional.of(workspace.faultsFile());
    }

    @Override
    public String publicUrl(String name) {
        return "http://localhost:" + port(name);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port("postgres") + "/" + database;
    }

    /** Generated on first start. */
    @Override
    public String databasePassword(String database) {
        return workspace.secret("postgres-" + database, null);
    }

    @Override
    public String servicesClientSecret() {
        return workspace.secret("identity-services-client", "EMPORIUM_IDENTITY_SERVICES_SECRET");
    }

    @Override
    public String storefrontClientSecret() {
        return workspace.secret("identity-storefront-client", "EMPORIUM_IDENTITY_STOREFRONT_SECRET");
    }

    @Override
    public String storefrontSessionKey() {
        return workspace.base64Secret("storefront-session-key", 32);
    }

    @Override
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + port("kafka");
    }

    @Override
    public String redisHost() {
        return "127.0.0.1";
    }

    @Override
    public int redisPort() {
        return port("redis");
    }

    /** Generated on first start into .emporium/secrets/kafka-USER. */
    @Override
    public String kafkaPassword(String user) {
        return workspace.secret("kafka-" + user, null);
    }

    @Override
    public String kafkaSaslMechanism() {
        return KafkaAccess.MECHANISM;
    }

    /** Every Kafka user with its password, for the broker: the launcher's admin and each service that uses Kafka. */
    public Map<String, String> kafkaPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(KafkaAccess.ADMIN, kafkaPassword(KafkaAccess.ADMIN));
        nodes().values().stream().filter(Node::usesKafka).forEach(node -> passwords.put(node.name(), kafkaPassword(node.name())));
        return passwords;
    }

    /** Generated on first start. */
    @Override
    public String redisPassword() {
        return RedisComponent.password(workspace);
    }

    @Override
    public String smtpHost() {
        return "127.0.0.1";
    }

    /** The mail server's SMTP side; its HTTP side is the {@code mail} node's port. */
    @Override
    public int smtpPort() {
        return Topology.port("smtp", Topology.SMTP_PORT);
    }

    /**
     * Every pool {@link Instances#MAX} times over: each instance of a service opens a pool of its
     * own, and Postgres cannot allow more connections without a restart. An unused slot costs
     * Postgres little (its share of the lock table).
     */
    @Override
    public int databaseConnections() {
        return super.databaseConnections() * Instances.MAX;
    }

    @Override
    public String dataDirectory(String service) {
        return workspace.data(service).toString();
    }

    /** Generated on first start into .emporium/secrets/identity-admin, where the user reads it. */
    @Override
    public String adminPassword() {
        return workspace.secret(ADMIN_PASSWORD_SECRET, "EMPORIUM_IDENTITY_ADMIN_PASSWORD");
    }

    /** Generated on first start into .emporium/secrets/identity-key-encryption-key. */
    @Override
    public String identityKeyEncryptionKey() {
        return workspace.base64Secret("identity-key-encryption-key", 32);
    }

    /** Where the admin's password is kept: {@code ./emporium up} prints this path. */
    public Path adminPasswordFile() {
        adminPassword();
        return workspace.home().resolve("secrets").resolve(ADMIN_PASSWORD_SECRET);
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
        nodes().values().stream().filter(Node::usesDatabase)
                .forEach(node -> databases.put(node.name(), databasePassword(node.name())));
        return databases;
    }
}
