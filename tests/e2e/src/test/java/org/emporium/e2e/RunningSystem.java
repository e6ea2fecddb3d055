package org.emporium.e2e;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.emporium.harness.LauncherProcess;
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
    private final LauncherProcess launcher = new LauncherProcess(root, home);
    final List<String> output = launcher.output;

    void up() {
        if (CONTAINERS) {
            emporium(Duration.ofMinutes(10), "images", "--base", "offline");
        }
        // generous: the first start after a build also trains the gateway's and identity's start-up
        // caches (a measured 240 s on the loaded 2-core machine; a warm start takes seconds)
        launcher.up(Duration.ofMinutes(7), CONTAINERS ? new String[] {"--containers"} : new String[0]);
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
        LauncherProcess.Result result = launcher.run(timeout, arguments);
        if (result.code() != 0 || result.printed().isEmpty()) {
            throw new IllegalStateException("./emporium " + String.join(" ", arguments) + " failed: " + result.printed());
        }
        if (!arguments[0].equals("token")) {
            System.out.println("[emporium " + arguments[0] + "] " + result.printed().replace("\n", "\n[emporium " + arguments[0] + "] "));
        }
        return result.printed();
    }

    /** Stops the launcher the way Ctrl-C does (a signal it handles by stopping everything). */
    int stop() throws InterruptedException {
        return launcher.stop();
    }

    boolean isRunning() {
        return launcher.isRunning();
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
        return launcher.runState();
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
