package org.emporium.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./emporium top}'s readings of the running system: each component's metrics from its URL in
 * the graph ({@link Topology#metricsUrl}), its process's CPU time and PSS ({@link Memory}; Postgres
 * summed over its tree, as {@code status} does) and its health by its readiness probe. Every call
 * over the network waits at most {@link #TIMEOUT}: a component that does not answer is shown so.
 */
final class LiveReadings implements Top.Source {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    /** HTTP/1.1: no upgrade round trip to HTTP/2, which the services' plain ports would decline anyway. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private final Workspace workspace;

    LiveReadings(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Top.Reading read(RunState.Entry e) {
        boolean postgres = e.name().equals("postgres");
        long pid = postgres ? PostgresComponent.postmasterPid(workspace) : e.pid();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        long nanos = System.nanoTime();
        if (process.isEmpty()) {
            return new Top.Reading(nanos, "down", null, null, null, Memory.Usage.NONE);
        }
        // the probe and the scrape at the same time: a component that answers neither costs one timeout, not two
        CompletableFuture<String> health = CompletableFuture.supplyAsync(() -> Emporium.Status.healthOf(workspace, e, TIMEOUT),
                task -> Thread.ofVirtual().start(task));
        Duration cpu = postgres ? treeCpu(process.get()) : process.get().info().totalCpuDuration().orElse(null);
        Memory.Usage memory = postgres ? Memory.tree(pid) : Memory.of(pid);
        PrometheusText metrics = null;
        String error = null;
        Optional<String> url = Topology.metricsUrl(e.name(), e.port());
        if (url.isPresent()) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url.get())).timeout(TIMEOUT)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    metrics = PrometheusText.parse(answer.body());
                } else {
                    error = "HTTP " + answer.statusCode() + " from " + url.get();
                }
            } catch (HttpTimeoutException timeout) {
                error = "no answer in " + TIMEOUT.toMillis() + " ms";
            } catch (IOException io) {
                error = "no answer at " + url.get();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        return new Top.Reading(nanos, health.join(), metrics, error, cpu, memory);
    }

    /** The CPU time of a process and all its descendants (Postgres: one process per connection). */
    private static Duration treeCpu(ProcessHandle root) {
        Duration total = root.info().totalCpuDuration().orElse(Duration.ZERO);
        return root.descendants().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(total, Duration::plus);
    }
}
