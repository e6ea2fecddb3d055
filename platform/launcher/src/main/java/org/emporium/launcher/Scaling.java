package org.emporium.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * Runs as many copies of each service as asked, while the system runs. What is asked lives in
 * .emporium/run/scale.properties ({@code catalog=3}): {@code ./emporium scale} writes it from any
 * terminal, {@code up --scale} at the start, and the running {@code up} brings the system in line
 * with it every second ({@link #reconcile}), the way a Deployment's replica count works. A copy
 * more starts on a free port and joins the registry once ready; a copy less leaves the registry
 * first, gets {@link #DRAIN} for the clients to stop choosing it, then is stopped gracefully
 * (SIGTERM: it finishes what it is doing). The highest-numbered copies go first.
 */
final class Scaling {

    /**
     * Between taking a copy out of the registry and stopping it: the clients read the registry every
     * second, and a request sent just before must finish (the JVM then finishes what it has).
     */
    static final Duration DRAIN = Duration.ofSeconds(3);

    private final Launch launch;
    private final Registry registry;
    private final BiFunction<String, Integer, Component> copies;
    private final Console console;
    private final Path file;
    private final Duration drain;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile long seen = -1;

    /** @param copies makes the {@code index}-th copy of a service (not started) */
    Scaling(Launch launch, Registry registry, BiFunction<String, Integer, Component> copies, Console console, Path file) {
        this(launch, registry, copies, console, file, DRAIN);
    }

    /** @param drain how long a copy taken out of the registry still runs (tests wait less) */
    Scaling(Launch launch, Registry registry, BiFunction<String, Integer, Component> copies, Console console, Path file,
            Duration drain) {
        this.launch = launch;
        this.registry = registry;
        this.copies = copies;
        this.console = console;
        this.file = file;
        this.drain = drain;
    }

    /** Where the asked-for counts are kept while the system runs. */
    static Path file(Workspace workspace) {
        return workspace.run().resolve("scale.properties");
    }

    /** The counts asked for, by service (a service not named runs one copy). */
    static Map<String, Integer> read(Path file) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Properties p = PropertiesFile.read(file);
        if (p == null) {
            return counts;
        }
        p.stringPropertyNames().stream().sorted().forEach(service -> {
            try {
                counts.put(service, Integer.parseInt(p.getProperty(service).strip()));
            } catch (NumberFormatException ignored) {
                // written by the scale command, which checks its numbers: a hand edit gone wrong is skipped
            }
        });
        return counts;
    }

    /** Adds these counts to those asked for before (whole or not at all: the running up reads it each second). */
    static void ask(Path file, Map<String, Integer> counts) {
        Map<String, Integer> all = new LinkedHashMap<>(read(file));
        all.putAll(counts);
        Properties p = new Properties();
        all.forEach((service, n) -> p.setProperty(service, String.valueOf(n)));
        PropertiesFile.write(file, p, "copies of each service asked for; ./emporium scale writes it, the running up follows it");
    }

    /** The copies of a service that run or are starting, lowest number first. */
    static List<Component> copiesOf(List<Component> components, String service) {
        return components.stream().filter(c -> Instances.service(c.name()).equals(service))
                .sorted(Comparator.comparingInt(c -> Instances.index(c.name()))).toList();
    }

    /**
     * Called every second: when the file changed since the last look, brings the copies in line with
     * it, off the calling thread and one change at a time (a change asked for meanwhile is taken up
     * at the next look after it).
     */
    void check() {
        long modified;
        try {
            modified = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : 0;
        } catch (IOException e) {
            return;
        }
        if (modified == seen || !busy.compareAndSet(false, true)) {
            return;
        }
        seen = modified;
        Thread.ofVirtual().name("emporium-scale").start(() -> {
            try {
                reconcile(read(file));
            } finally {
                busy.set(false);
            }
        });
    }

    /** Starts the copies missing and stops the surplus ones, every service at the same time. */
    void reconcile(Map<String, Integer> counts) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            counts.forEach((service, wanted) -> {
                if (!Instances.scalable(service)) {
                    return;
                }
                List<Component> running = copiesOf(launch.components(), service);
                for (int index = running.size() + 1; index <= wanted; index++) {
                    int i = index;
                    pool.submit(() -> startCopy(service, i));
                }
                for (Component surplus : running.subList(Math.min(wanted, running.size()), running.size())) {
                    if (Instances.index(surplus.name()) > 1) {
                        pool.submit(() -> stopCopy(surplus));
                    }
                }
            });
        }
    }

    private void startCopy(String service, int index) {
        if (launch.isStopping()) {
            return;
        }
        Component copy;
        try {
            copy = copies.apply(service, index);
        } catch (RuntimeException e) {
            console.fail("cannot start " + Instances.name(service, index) + ": " + e.getMessage());
            return;
        }
        long begin = System.nanoTime();
        try {
            launch.add(copy);
            console.ok(String.format("%s is ready on port %d in %.1f s", copy.name(), copy.port(),
                    (System.nanoTime() - begin) / 1e9));
        } catch (Launch.LaunchException e) {
            if (!launch.isStopping()) {
                console.fail(copy.name() + " did not start: " + e.getMessage());
            }
        }
    }

    private void stopCopy(Component copy) {
        registry.remove(copy);
        console.progress(copy.name() + " left the registry; stopping it in " + drain.toMillis() / 1000.0 + " s");
        try {
            Thread.sleep(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        launch.remove(copy);
        console.ok(copy.name() + " stopped");
    }

    /** The copies beyond the first of every service asked for at the start ({@code up --scale}), to start with the rest. */
    static List<Component> extraCopies(Map<String, Integer> counts, BiFunction<String, Integer, Component> copies) {
        List<Component> extra = new ArrayList<>();
        counts.forEach((service, n) -> {
            for (int index = 2; index <= n; index++) {
                extra.add(copies.apply(service, index));
            }
        });
        return extra;
    }
}
