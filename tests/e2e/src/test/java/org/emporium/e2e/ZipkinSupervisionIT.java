package org.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher supervises what it started: Zipkin, killed with SIGKILL while a shopper keeps
 * opening product pages, is restarted and ready again within a deadline, and the shopper notices
 * nothing: no request fails, and the slowest requests during the outage are not more than 50 ms
 * slower than before it (p99 against p99).
 */
class ZipkinSupervisionIT {

    private static final RunningSystem system = new RunningSystem();
    /** Zipkin's restart: 1 s of back-off, then its start (seconds with its start-up cache), with room for a loaded machine. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(90);
    private static final long P99_ALLOWANCE_MS = 50;

    @BeforeAll
    static void startTheSystem() {
        // Zipkin is an embedded process in both runs; the containers run would repeat this unchanged, minutes later
        Assumptions.assumeFalse(RunningSystem.CONTAINERS, "supervision is proved in the processes run: Zipkin is "
                + "the same embedded process in the containers run");
        system.up();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (system.isRunning()) {
            system.stop();
        }
    }

    /** One product page view through the gateway: how long it took, and what went wrong if anything did. */
    private record View(long startedNanos, long millis, String failure) {
    }

    @Test
    void zipkinKilledIsRestartedAndReadyAgainWhileShoppersNoticeNothing() throws Exception {
        String sku = aProduct();
        // warm: the first views after the start compile the page's code path
        List<View> warmUp = views(sku, 100);
        assertThat(failures(warmUp)).as("warm-up views").isEmpty();
        List<View> before = views(sku, 300);
        assertThat(failures(before)).as("views before the kill").isEmpty();

        long zipkin = Long.parseLong(state().getProperty("zipkin.pid"));
        ProcessHandle process = ProcessHandle.of(zipkin).orElseThrow(() -> new AssertionError("zipkin (pid " + zipkin + ") is not running"));

        List<View> during = new CopyOnWriteArrayList<>();
        AtomicBoolean shopping = new AtomicBoolean(true);
        Thread shopper = Thread.ofPlatform().name("shopper").start(() -> {
            while (shopping.get()) {
                during.add(view(sku));
            }
        });
        long killed = System.nanoTime();
        process.destroyForcibly(); // SIGKILL, as kill -9
        RunningSystem.await(Duration.ofSeconds(10), "zipkin to die", () -> !process.isAlive());

        RunningSystem.await(BACK_WITHIN, "zipkin restarted (a new pid in the state file) and ready", () -> {
            Properties state = state();
            long pid = Long.parseLong(state.getProperty("zipkin.pid", "-1"));
            return pid != zipkin && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    && ready("http://127.0.0.1:" + RunningSystem.ZIPKIN + "/health");
        });
        long back = System.nanoTime();
        shopping.set(false);
        shopper.join(Duration.ofSeconds(15));
        assertThat(shopper.isAlive()).as("the shopper's last view ended").isFalse();

        List<View> outage = during.stream().filter(v -> v.startedNanos() >= killed && v.startedNanos() < back).toList();
        long p99Before = p99(before);
        long p99During = p99(outage);
        System.out.printf("[zipkin supervision] back in %.1f s; product page p99 %d ms before (%d views), %d ms during the outage (%d views)%n",
                (back - killed) / 1e9, p99Before, before.size(), p99During, outage.size());

        assertThat(failures(during)).as("product page views while Zipkin was down and restarted").isEmpty();
        assertThat(outage).as("views during the outage").hasSizeGreaterThanOrEqualTo(20);
        assertThat(p99During).as("p99 during the outage against %d ms before", p99Before).isLessThanOrEqualTo(p99Before + P99_ALLOWANCE_MS);

        assertThat(system.output).as("the launcher's one line about it")
                .anySatisfy(l -> assertThat(l).contains("zipkin exited with code 137; restarting (1 of 5) in 1 s"));
        JsonNode status = RunningSystem.read(system.emporium(Duration.ofSeconds(60), "status", "--json"));
        JsonNode zipkinStatus = null;
        for (JsonNode c : status.get("components")) {
            if (c.get("name").asText().equals("zipkin")) {
                zipkinStatus = c;
            }
        }
        assertThat(zipkinStatus).as("zipkin in ./emporium status").isNotNull();
        assertThat(zipkinStatus.get("restarts").asInt()).isEqualTo(1);
        assertThat(zipkinStatus.get("health").asText()).isEqualTo("up");

        // and the restarted Zipkin takes traces again
        String traceId = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        assertThat(system.get("/p/" + sku, "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").statusCode()).isEqualTo(200);
        RunningSystem.await(Duration.ofSeconds(30), "the new trace in the restarted Zipkin", () ->
                system.get("http://localhost:" + RunningSystem.ZIPKIN + "/api/v2/trace/" + traceId).statusCode() == 200);
    }

    private static String aProduct() {
        return RunningSystem.read(system.get("/api/catalog/products?size=1").body()).get("items").get(0).get("sku").asText();
    }

    private static List<View> views(String sku, int count) {
        List<View> views = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            views.add(view(sku));
        }
        return views;
    }

    private static View view(String sku) {
        long start = System.nanoTime();
        String failure;
        try {
            HttpResponse<String> page = system.get("/p/" + sku);
            failure = page.statusCode() == 200 ? null : "HTTP " + page.statusCode();
        } catch (RuntimeException e) {
            failure = e.toString();
        }
        return new View(start, (System.nanoTime() - start) / 1_000_000, failure);
    }

    private static List<String> failures(List<View> views) {
        return views.stream().filter(v -> v.failure() != null).map(View::failure).toList();
    }

    /** The 99th percentile (nearest rank). */
    static long p99(List<View> views) {
        long[] millis = views.stream().mapToLong(View::millis).sorted().toArray();
        return millis[Math.max(0, (int) Math.ceil(millis.length * 0.99) - 1)];
    }

    private static boolean ready(String url) {
        try {
            return system.get(url).statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** What the running launcher wrote to .emporium/run/state.properties (rewritten as it restarts a process). */
    private static Properties state() {
        Properties state = new Properties();
        try (var in = Files.newBufferedReader(system.home.resolve("run/state.properties"))) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }
}
