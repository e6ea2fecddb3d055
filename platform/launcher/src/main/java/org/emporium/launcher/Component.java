package org.emporium.launcher;

import java.util.List;
import java.util.OptionalInt;

/** Something the launcher starts, waits for and stops: a piece of infrastructure or a service. */
public interface Component {

    String name();

    /** Names of the components that must be ready before this one starts. */
    List<String> needs();

    /**
     * Infrastructure (a database, the broker, ...) stops after every service, since services use it
     * even when they do not wait for it at start (writers do not wait for Kafka).
     */
    default boolean isInfrastructure() {
        return Topology.isInfrastructure(name());
    }

    int port();

    /** What to show in the table of URLs. */
    String url();

    /** The HTTP endpoint that says whether it is ready, or null when readiness is not HTTP. */
    default String healthUrl() {
        return null;
    }

    /** Launches the process; returns without waiting for readiness. */
    void start() throws Exception;

    /** One readiness probe; the launcher polls it with a deadline. */
    boolean isReady();

    boolean isAlive();

    /** How the process ended, once it has and when the launcher can know (it started it). */
    default OptionalInt exitCode() {
        return OptionalInt.empty();
    }

    long pid();

    /** Stops gracefully, then forcibly after a grace period. */
    void stop();

    /** The last lines the process wrote, to explain a failure. */
    List<String> recentOutput();

    /** Anything the person at the terminal should know once it is ready (one line each). */
    default List<String> notes() {
        return List.of();
    }
}
