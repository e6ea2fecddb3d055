package org.emporium.launcher;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services on Kubernetes, as {@code deploy/k8s} runs them (ADR 0010): each service behind a
 * Service of its own name on its declared port, Postgres behind CloudNativePG's read-write Service
 * of the cluster {@value #POSTGRES_CLUSTER}, Kafka behind Strimzi's bootstrap Service of the cluster
 * {@value #KAFKA_CLUSTER}. A secret is never a value here: it is a reference to a key of a Secret
 * ({@link #secretReference}), which the manifests write as {@code secretKeyRef}. Browsers reach
 * the shop and identity through port-forwards in the base (an overlay with an ingress patches
 * the public addresses).
 */
public final class ClusterWiring extends Wiring {

    static final String POSTGRES_CLUSTER = "emporium-db";
    static final String KAFKA_CLUSTER = "emporium";
    /** The Secret of Redis' password. */
    static final String REDIS_SECRET = "redis";
    /** The port of the Kafka cluster's plain listener inside the cluster. */
    static final int KAFKA_PORT = 9092;
    /** The OpenTelemetry Collector the services send their spans to (it passes them on to Zipkin). */
    static final String TRACE_COLLECTOR = "otel-collector";
    /** Its Zipkin-API receiver: the services speak Zipkin's API until they speak OTLP. */
    static final int TRACE_COLLECTOR_PORT = 9411;
    /** Where services keep derived data (search's index): a volume mounted per service. */
    static final String DATA_ROOT = "/var/lib/emporium";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{secret:([a-z0-9-]+)/([A-Za-z0-9_.-]+)}");

    /** A key of a Kubernetes Secret. */
    public record SecretKey(String secret, String key) {
    }

    /** The addresses browsers use, by service; a service not named is at {@code http://localhost:<port>} (a port-forward). */
    private final Map<String, String> publicUrls;

    public ClusterWiring(List<Node> graph) {
        this(graph, Map.of());
    }

    /** @param publicUrls where browsers reach the entry points behind an ingress ({@code https://shop.example.com}) */
    public ClusterWiring(List<Node> graph, Map<String, String> publicUrls) {
        super(graph);
        this.publicUrls = Map.copyOf(publicUrls);
    }

    /** How a secret setting is written before the manifests turn it into a {@code secretKeyRef}. */
    static String secretReference(String secret, String key) {
        return "${secret:" + secret + "/" + key + "}";
    }

    /** The Secret key a setting's value refers to, when it is a reference. */
    public static Optional<SecretKey> secretKey(String value) {
        Matcher m = REFERENCE.matcher(value);
        return m.matches() ? Optional.of(new SecretKey(m.group(1), m.group(2))) : Optional.empty();
    }

    @Override
    public int port(String name) {
        return node(name).defaultPort();
    }

    @Override
    public String internalUrl(String name) {
        return "http://" + name + ":" + port(name);
    }

    @Override
    public String publicUrl(String name) {
        return publicUrls.getOrDefault(name, "http://localhost:" + port(name));
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + POSTGRES_CLUSTER + "-rw:5432/" + database;
    }

    /** CloudNativePG's basic-auth Secret of the service's role. */
    @Override
    public String databasePassword(String database) {
        return secretReference(databaseSecret(database), "password");
    }

    /** The name of the Secret that holds a service's database role. */
    static String databaseSecret(String service) {
        return service + "-db";
    }

    @Override
    public String servicesClientSecret() {
        return secretReference("identity-clients", "services");
    }

    @Override
    public String storefrontClientSecret() {
        return secretReference("identity-clients", "storefront");
    }

    @Override
    public String storefrontSessionKey() {
        return secretReference("storefront-session", "key");
    }

    @Override
    public String kafkaBootstrapServers() {
        return KAFKA_CLUSTER + "-kafka-bootstrap:" + KAFKA_PORT;
    }

    @Override
    public String redisHost() {
        return "redis";
    }

    @Override
    public int redisPort() {
        return 6379;
    }

    /** The Secret create-secrets.sh makes, which Strimzi's KafkaUser of the service takes its password from. */
    @Override
    public String kafkaPassword(String user) {
        return secretReference(kafkaSecret(user), "password");
    }

    static String kafkaSecret(String user) {
        return "kafka-" + user;
    }

    /** Strimzi's user operator keeps SCRAM credentials (PLAIN has no user store of its own there). */
    @Override
    public String kafkaSaslMechanism() {
        return "SCRAM-SHA-512";
    }

    /** The Secret the Redis pod reads its {@code requirepass} from as well. */
    @Override
    public String redisPassword() {
        return secretReference(REDIS_SECRET, "password");
    }

    @Override
    public String smtpHost() {
        return "mail";
    }

    @Override
    public int smtpPort() {
        // the relay's own port, not 25: a NetworkPolicy matches the pod's port, and a non-root
        // relay cannot listen below 1024
        return 1025;
    }

    @Override
    public String dataDirectory(String service) {
        return DATA_ROOT + "/" + service;
    }

    @Override
    public String traceEndpoint() {
        return "http://" + TRACE_COLLECTOR + ":" + TRACE_COLLECTOR_PORT + "/api/v2/spans";
    }

    @Override
    public String adminPassword() {
        return secretReference("identity-admin", "password");
    }

    /** create-secrets.sh's random value is Base64 of 32 bytes, which is what identity takes. */
    @Override
    public String identityKeyEncryptionKey() {
        return secretReference("identity-keys", "encryption");
    }
}
