package org.emporium.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.emporium.harness.SystemHarness;
import org.emporium.launcher.Component;
import org.emporium.launcher.Console;
import org.emporium.launcher.ProcessComponent;
import org.emporium.launcher.Instances;
import org.emporium.launcher.LocalWiring;
import org.emporium.launcher.Processes;
import org.emporium.launcher.Registry;
import org.emporium.launcher.Topology;
import org.emporium.launcher.Workspace;

/**
 * A part of the system, started from the launcher's own {@link Topology} through {@link Processes} (same commands, same
 * configuration as {@code ./emporium up}), whose components a test can stop, kill and restart.
 * Starts from an empty workspace every time.
 */
final class SystemUnderTest extends SystemHarness implements AutoCloseable {

    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);

    private final Map<String, Component> components = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Component> started = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Workspace workspace;
    private final Processes processes;
    private final Registry registry;
    private volatile boolean closed;
    private final List<String> names;

    private SystemUnderTest(Workspace workspace, List<String> names) {
        Console console = new Console(System.out, false, true);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Map<String, Component> all = new LinkedHashMap<>();
        processes = new Processes(workspace, console, java);
        processes.components().forEach(c -> all.put(c.name(), c));
        names.forEach(name -> components.put(name, all.get(name)));
        components.put(Registry.NAME, all.get(Registry.NAME));
        this.names = List.copyOf(names);
        registry = new Registry(URI.create(new LocalWiring(workspace, Topology.GRAPH).registryUrl().orElseThrow()), console);
        this.workspace = workspace;
    }

    /**
     * Starts the registry, then the named components, in the given order, each once the previous is
     * ready; registers every service instance that answers ready, every second, as {@code up} does.
     */
    static SystemUnderTest start(String... names) {
        SystemUnderTest system = prepare(names);
        system.startAll();
        return system;
    }

    /** The named components, made but not started (a test may change their settings first); then {@link #startAll}. */
    static SystemUnderTest prepare(String... names) {
        Workspace workspace = new Workspace(ROOT);
        wipe(workspace.home());
        workspace.create();
        return new SystemUnderTest(workspace, List.of(names));
    }

    /** Starts the registry, then every named component in the given order (see {@link #start(String...)}). */
    void startAll() {
        try {
            start(Registry.NAME);
            keepRegistered();
            for (String name : names) {
                start(name);
            }
        } catch (RuntimeException | AssertionError e) {
            close(); // nothing may outlive a failed start
            throw e;
        }
    }

    void start(String name) {
        Component component = components.get(name);
        try {
            component.start();
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not start", e);
        }
        if (!started.contains(component)) {
            started.add(component);
        }
        await(READY_DEADLINE, name + " ready", () -> {
            assertThat(component.isAlive()).as("%s is running; its last output:%n%s", name,
                    String.join("\n", component.recentOutput())).isTrue();
            return component.isReady();
        });
    }

    /** Starts another copy of a service ({@code catalog-2} for index 2) on a free port, as {@code ./emporium scale} does. */
    Component startCopy(String service, int index) {
        Component copy = processes.instance(service, index);
        components.put(copy.name(), copy);
        start(copy.name());
        return copy;
    }

    Component component(String name) {
        return components.get(name);
    }

    /** One of the copies of a service whose process runs, chosen at random (a shopper's request lands on any). */
    String anyAlive(String service) {
        List<String> alive = components.values().stream()
                .filter(c -> Instances.service(c.name()).equals(service) && c.isAlive()).map(Component::name).toList();
        return alive.isEmpty() ? service : alive.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(alive.size()));
    }

    private void keepRegistered() {
        Thread.ofPlatform().daemon().name("test-registrar").start(() -> {
            while (!closed) {
                registry.check(started.stream().filter(c -> !c.isInfrastructure()).toList());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void stop(String name) {
        components.get(name).stop();
    }

    /** SIGKILL: the process gets no chance to flush, commit or say goodbye. */
    void kill(String name) {
        ((ProcessComponent) components.get(name)).kill();
    }

    /** A runtime fault, as {@code ./emporium chaos} writes it: every copy of the service applies it within a second. */
    void inject(String service, org.emporium.platform.faults.Fault kind, Map<String, Object> value) {
        org.emporium.platform.faults.FlagFile.read(workspace.faultsFile()).with(service, kind, value).write(workspace.faultsFile());
    }

    /**
     * Until a service has read exactly these faults from the file: it logs each change it reads
     * ("faults injected now: …"), and a request it handles before that would not meet them.
     */
    void awaitFaults(String service, org.emporium.platform.faults.Faults faults) {
        String said = "faults injected now: " + faults;
        await(Duration.ofSeconds(30), service + " to read " + faults, () -> components.get(service).recentOutput().stream()
                .anyMatch(line -> line.contains(said)));
    }

    /** No runtime faults anymore ({@code ./emporium chaos clear}). */
    void clearFaults() {
        org.emporium.platform.faults.FlagFile.empty().write(workspace.faultsFile());
    }

    @Override
    public void close() {
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    // --- HTTP ---------------------------------------------------------------------------------

    HttpResponse<String> get(String component, String path) {
        return send("GET", address(component, path), null);
    }

    JsonNode getJson(String component, String path) {
        HttpResponse<String> response = get(component, path);
        assertThat(response.statusCode()).as("GET %s %s: %s", component, path, response.body()).isEqualTo(200);
        return read(response.body());
    }

    /** An admin write to the catalog; returns the JSON answer (or null for 204). */
    JsonNode catalogWrite(String method, String path, String body, int expectedStatus) {
        HttpResponse<String> response = request("catalog", method, path, body, "Authorization", adminAuthorization());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : read(response.body());
    }

    /** A token of the emporium-services client, from the identity component, which a test using admin calls starts. */
    String adminAuthorization() {
        return serviceAuthorization(workspace);
    }

    /** Any request to a component; {@code headers} as name, value, name, value…. */
    HttpResponse<String> request(String component, String method, String path, String body, String... headers) {
        return send(method, address(component, path), body, headers);
    }

    /** Where a started component (a copy too) listens, else where the graph says it would. */
    private String address(String component, String path) {
        Component c = components.get(component);
        return c == null ? url(component, path) : "http://127.0.0.1:" + c.port() + path;
    }

    /** A GET with an admin token, answered 200 with JSON. */
    JsonNode adminGet(String component, String path) {
        HttpResponse<String> response = request(component, "GET", path, null, "Authorization", adminAuthorization());
        assertThat(response.statusCode()).as("GET %s %s: %s", component, path, response.body()).isEqualTo(200);
        return read(response.body());
    }

    /** Sets what inventory has on hand for a SKU. */
    void setStock(String sku, int onHand) {
        HttpResponse<String> response = request("inventory", "PUT", "/api/inventory/" + sku,
                "{\"onHand\":" + onHand + "}", "Authorization", adminAuthorization());
        assertThat(response.statusCode()).as("PUT stock of %s: %s", sku, response.body()).isEqualTo(200);
    }

    private static void wipe(Path home) {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
