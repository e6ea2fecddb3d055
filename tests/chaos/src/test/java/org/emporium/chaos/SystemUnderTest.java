package org.emporium.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.emporium.launcher.Component;
import org.emporium.launcher.Console;
import org.emporium.launcher.ProcessComponent;
import org.emporium.launcher.Processes;
import org.emporium.launcher.ServiceToken;
import org.emporium.launcher.Topology;
import org.emporium.launcher.Workspace;

/**
 * A part of the system, started from the launcher's own {@link Topology} through {@link Processes} (same commands, same
 * configuration as {@code ./emporium up}), whose components a test can stop, kill and restart.
 * Starts from an empty workspace every time.
 */
final class SystemUnderTest implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READY_DEADLINE = Duration.ofSeconds(120);

    private final Map<String, Component> components = new LinkedHashMap<>();
    private final List<Component> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String servicesSecret;
    private String token;
    private long tokenFetchedAt;

    private SystemUnderTest(Workspace workspace, List<String> names) {
        Console console = new Console(System.out, false, true);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Map<String, Component> all = new LinkedHashMap<>();
        new Processes(workspace, console, java).components().forEach(c -> all.put(c.name(), c));
        names.forEach(name -> components.put(name, all.get(name)));
        servicesSecret = workspace.secret("identity-services-client", "EMPORIUM_IDENTITY_SERVICES_SECRET");
    }

    /** Starts the named components, in the given order, each once the previous is ready. */
    static SystemUnderTest start(String... names) {
        Path root = Path.of(System.getProperty("emporium.root", "../.."));
        Workspace workspace = new Workspace(root);
        wipe(workspace.home());
        workspace.create();
        SystemUnderTest system = new SystemUnderTest(workspace, List.of(names));
        try {
            for (String name : names) {
                system.start(name);
            }
        } catch (RuntimeException | AssertionError e) {
            system.close(); // nothing may outlive a failed start
            throw e;
        }
        return system;
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

    void stop(String name) {
        components.get(name).stop();
    }

    /** SIGKILL: the process gets no chance to flush, commit or say goodbye. */
    void kill(String name) {
        ((ProcessComponent) components.get(name)).kill();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
    }

    // --- HTTP ---------------------------------------------------------------------------------

    String url(String component, String path) {
        return "http://127.0.0.1:" + components.get(component).port() + path;
    }

    HttpResponse<String> get(String component, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(component, path))).timeout(Duration.ofSeconds(10)).GET());
    }

    JsonNode getJson(String component, String path) {
        HttpResponse<String> response = get(component, path);
        assertThat(response.statusCode()).as("GET %s %s: %s", component, path, response.body()).isEqualTo(200);
        return read(response.body());
    }

    /** An admin write to the catalog; returns the JSON answer (or null for 204). */
    JsonNode catalogWrite(String method, String path, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("catalog", path)))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", adminAuthorization())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : read(response.body());
    }

    /**
     * A bearer token of the emporium-services client (allowed where admin is), from the identity
     * component, which a test using admin calls starts; renewed well before its 5 minutes run out.
     */
    synchronized String adminAuthorization() {
        if (token == null || System.nanoTime() - tokenFetchedAt > Duration.ofMinutes(2).toNanos()) {
            try {
                token = ServiceToken.fetch("http://localhost:" + components.get("identity").port(), "emporium-services",
                        servicesSecret);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            tokenFetchedAt = System.nanoTime();
        }
        return "Bearer " + token;
    }

    /** Any request; {@code headers} as name, value, name, value…. */
    HttpResponse<String> request(String component, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(component, path)))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
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

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until the condition holds; fails with the description at the deadline. */
    static void await(Duration deadline, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s: %s", deadline, what).isLessThan(end);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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
