package org.emporium.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One line of the service graph: a service or a piece of infrastructure, its default port, and
 * what it uses. The references ({@link #database()}, {@link #kafka()}, {@link #calls}…) are all the
 * launcher needs: the {@code EMPORIUM_*} settings and the start order follow from them by one
 * convention (see {@link Wiring}), and {@code ./emporium graph} draws them.
 */
public final class Node {

    /** How the node's process is made. */
    public enum Kind {
        /** A Quarkus service: {@code services/<name>/target/quarkus-app}. */
        QUARKUS,
        /** A Spring Boot service: {@code services/<name>/target/<name>.jar}, started from an AOT cache. */
        SPRING,
        /** Infrastructure started by the launcher from Maven artifacts. */
        INFRASTRUCTURE
    }

    /** The services' own default pool size ({@code quarkus.datasource.jdbc.max-size}). */
    static final int DEFAULT_CONNECTIONS = 16;

    private final String name;
    private final int defaultPort;
    private final Kind kind;
    private Budget memory;
    private boolean database;
    private int connections;
    private boolean kafka;
    private boolean auth;
    private boolean redis;
    private boolean mail;
    private boolean serviceTokens;
    private int managementOffset;
    private final Set<String> calls = new LinkedHashSet<>();
    private final Set<String> startsAfter = new LinkedHashSet<>();
    private final Map<String, Function<Wiring, String>> settings = new LinkedHashMap<>();

    private Node(String name, int defaultPort, Kind kind) {
        this.name = name;
        this.defaultPort = defaultPort;
        this.kind = kind;
    }

    public static Node quarkus(String name, int defaultPort) {
        return new Node(name, defaultPort, Kind.QUARKUS);
    }

    public static Node spring(String name, int defaultPort) {
        return new Node(name, defaultPort, Kind.SPRING);
    }

    public static Node infrastructure(String name, int defaultPort) {
        return new Node(name, defaultPort, Kind.INFRASTRUCTURE);
    }

    /** What its process may hold: for a JVM the heap and the other parts become flags (see {@link Budget}). */
    public Node memory(Budget memory) {
        this.memory = memory;
        return this;
    }

    /** Owns a Postgres database and role of its own name; starts once Postgres is ready (it migrates first). */
    public Node database() {
        return database(DEFAULT_CONNECTIONS);
    }

    /**
     * {@link #database()}, with a pool of at most this many connections (given as
     * {@code EMPORIUM_<NAME>_DB_POOL}); Postgres allows as many connections as the pools add up to.
     */
    public Node database(int connections) {
        this.database = true;
        this.connections = connections;
        startsAfter.add("postgres");
        return this;
    }

    /** Produces or consumes Kafka records. Does not wait for Kafka unless {@link #startsAfter} says so. */
    public Node kafka() {
        this.kafka = true;
        return this;
    }

    /** Verifies bearer tokens of the identity provider. */
    public Node auth() {
        this.auth = true;
        return this;
    }

    /** Fetches client-credentials tokens for calls it makes on no user's behalf. */
    public Node serviceTokens() {
        this.auth = true;
        this.serviceTokens = true;
        return this;
    }

    public Node redis() {
        this.redis = true;
        return this;
    }

    /** Sends mail over SMTP. */
    public Node mail() {
        this.mail = true;
        return this;
    }

    /** Calls these services over HTTP (it is given {@code EMPORIUM_<SERVICE>_URL}). */
    public Node calls(String... services) {
        calls.addAll(List.of(services));
        return this;
    }

    /** Starts only once these are ready. */
    public Node startsAfter(String... components) {
        startsAfter.addAll(List.of(components));
        return this;
    }

    /** A setting of its own, beyond the convention. */
    public Node setting(String variable, Function<Wiring, String> value) {
        settings.put(variable, value);
        return this;
    }

    /**
     * Serves its management endpoints (metrics; everything but the health probes) on its own port,
     * this far above its public one, never through the public port (the gateway: the shop's
     * address). The service derives the same port itself (gateway's {@code ManagementPort}).
     */
    public Node managementPortAbove(int offset) {
        this.managementOffset = offset;
        return this;
    }

    /** How far above its port its management port is; 0 when it serves them on its own port. */
    public int managementOffset() {
        return managementOffset;
    }

    /** Where Prometheus reads its metrics: Quarkus' and Spring Boot's own paths. */
    public String metricsPath() {
        return kind == Kind.QUARKUS ? "/q/metrics" : "/actuator/prometheus";
    }

    public String name() {
        return name;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isService() {
        return kind != Kind.INFRASTRUCTURE;
    }

    public Budget memory() {
        return memory;
    }

    public boolean usesDatabase() {
        return database;
    }

    /** The most connections its pool opens to its database; 0 without one. */
    public int connections() {
        return connections;
    }

    public boolean usesKafka() {
        return kafka;
    }

    public boolean usesAuth() {
        return auth;
    }

    public boolean usesServiceTokens() {
        return serviceTokens;
    }

    public boolean usesRedis() {
        return redis;
    }

    public boolean usesMail() {
        return mail;
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public List<String> startsAfter() {
        return List.copyOf(startsAfter);
    }

    Map<String, Function<Wiring, String>> settings() {
        return settings;
    }

    /** The Maven module that builds it (null for infrastructure, which comes from platform/infrastructure). */
    public String module() {
        return isService() ? "services/" + name : null;
    }

    /** The file whose presence proves the module was built. */
    public String artifact() {
        return switch (kind) {
            case QUARKUS -> module() + "/target/quarkus-app/quarkus-run.jar";
            case SPRING -> module() + "/target/" + name + ".jar";
            case INFRASTRUCTURE -> null;
        };
    }

    /** What the graph shows it uses, beyond the services it calls. */
    List<String> stores() {
        List<String> stores = new ArrayList<>();
        if (database) {
            stores.add("postgres");
        }
        if (redis) {
            stores.add("redis");
        }
        if (mail) {
            stores.add("mail");
        }
        return stores;
    }

    /** {@code EMPORIUM_<NAME>_} : the prefix of its own settings. */
    static String prefix(String name) {
        return "EMPORIUM_" + name.toUpperCase().replace('-', '_') + "_";
    }
}
