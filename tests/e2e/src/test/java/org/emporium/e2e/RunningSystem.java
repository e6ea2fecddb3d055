package org.emporium.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.emporium.harness.SystemHarness;
import org.emporium.launcher.Topology;

/**
 * The whole system, started exactly as a user starts it ({@code ./emporium up}), on ports and
 * a data folder of its own so it runs beside a developer's instance. With the system property
 * {@code emporium.containers} (the pom's second run) the services run from their images: the
 * images are built first ({@code ./emporium images --base offline}), then
 * {@code ./emporium up --containers}.
 */
final class RunningSystem extends SystemHarness {

    // the ports follow from the launcher's graph and EMPORIUM_PORT_OFFSET, which the build sets for
    // this JVM (see the pom) and the launcher it starts inherits
    static final int GATEWAY = Topology.port("gateway");
    static final int ZIPKIN = Topology.port("zipkin");
    static final int IDENTITY = Topology.port("identity");
    static final int MAIL = Topology.port("mail");

    final Path root = ROOT;
    /** Whether the services run as containers (Podman) rather than processes. */
    static final boolean CONTAINERS = Boolean.getBoolean("emporium.containers");
    final Path home = root.resolve("tests/e2e/target").resolve(CONTAINERS ? "containers-home" : "emporium-home");
    // copy-on-write: the readiness check streams over it while the reader thread appends
    final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    void up() {
        output.clear();
        if (CONTAINERS) {
            emporium(Duration.ofMinutes(10), "images", "--base", "offline");
        }
        List<String> command = new ArrayList<>(List.of(root.resolve("emporium").toString(), "up", "--quiet"));
        if (CONTAINERS) {
            command.add("--containers");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("EMPORIUM_HOME", home.toString());
        builder.environment().put("NO_COLOR", "1");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    System.out.println("[emporium] " + line);
                }
            } catch (IOException ignored) {
                // the launcher has exited
            }
        });
        // generous: the first start after a build also trains the gateway's and identity's start-up
        // caches (a measured 240 s on the loaded 2-core machine; a warm start takes seconds)
        await(Duration.ofMinutes(7), "Emporium to report ready",
                () -> output.stream().anyMatch(l -> l.contains("Emporium is ready")) || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("./emporium up exited with " + process.exitValue() + ":\n" + String.join("\n", output));
        }
        if (CONTAINERS) {
            warmUp();
        }
    }

    /**
     * The images carry no JVM start-up cache (ADR 0011), so a container's first requests load and
     * compile everything on the way: the first add to a cart took 2.3 s on the 2-core machine,
     * over the storefront's 1.5 s limit for the cart, and the shopper was told to try again. As a
     * deployment's warm-up would, one add to a cart through the gateway is made (retried until the
     * storefront confirms it, within a minute) before the journey.
     */
    private void warmUp() {
        String sku = read(get("/api/search?q=kettle&inStock=true&size=1").body()).path("items").path(0).path("sku").asText();
        await(Duration.ofSeconds(60), "a first add to a cart to be confirmed (warm-up)", () -> send("POST", "/cart/items",
                "sku=" + sku + "&quantity=1", "Content-Type", "application/x-www-form-urlencoded", "HX-Request", "true",
                "Sec-Fetch-Site", "same-origin").body().contains("Added to cart"));
    }

    /** An access token for admin API calls, fetched the way the README tells users: {@code ./emporium token}. */
    String token() {
        return emporium(Duration.ofSeconds(60), "token");
    }

    /** Runs an {@code ./emporium} command on this system's data folder; what it printed (its errors go to the build's output). */
    String emporium(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(root.resolve("emporium").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("EMPORIUM_HOME", home.toString());
        builder.environment().put("NO_COLOR", "1");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0 || printed.isEmpty()) {
                process.destroyForcibly();
                throw new IllegalStateException("./emporium " + String.join(" ", arguments) + " failed: " + printed);
            }
            if (!arguments[0].equals("token")) {
                System.out.println("[emporium " + arguments[0] + "] " + printed.replace("\n", "\n[emporium " + arguments[0] + "] "));
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the launcher the way Ctrl-C does (a signal it handles by stopping everything). */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not stop within 90 s");
        }
        return process.exitValue();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    List<Long> recordedPids() {
        Properties state = runState();
        List<Long> pids = new ArrayList<>();
        for (String name : state.getProperty("components").split(",")) {
            pids.add(Long.parseLong(state.getProperty(name + ".pid")));
        }
        return pids;
    }

    /** Stops one service the way an operator or an orchestrator would (SIGTERM) and waits for it to exit. */
    void stopService(String name) {
        long pid = Long.parseLong(runState().getProperty(name + ".pid"));
        ProcessHandle service = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        service.destroy();
        await(Duration.ofSeconds(30), name + " to exit", () -> !service.isAlive());
    }

    private Properties runState() {
        Properties state = new Properties();
        try (var in = Files.newBufferedReader(home.resolve("run/state.properties"))) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** A request to an absolute URL, or to a path of the gateway. */
    @Override
    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        return super.send(method, path.startsWith("http") ? path : gateway(path), body, headers);
    }

    static String gateway(String path) {
        return "http://localhost:" + GATEWAY + path;
    }
}
