package org.emporium.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the JVM start-up caches that are missing or out of date, once the system is ready: one
 * component at a time, each with a throwaway copy of its process at low priority, so the running
 * system keeps the CPU and the next {@code up} starts from the caches. Nothing is written for a
 * run that does not end well; stopping the system stops the training and leaves no partial file.
 */
final class CacheTraining {

    private final List<ProcessComponent> untrained;
    private final Workspace workspace;
    private final Console console;
    private volatile Thread thread;

    CacheTraining(List<Component> components, Workspace workspace, Console console) {
        this.untrained = components.stream()
                .filter(c -> c instanceof ProcessComponent)
                .map(c -> (ProcessComponent) c)
                .filter(c -> c.cache().map(cache -> cache.state() != AheadOfTimeCache.State.USABLE).orElse(false))
                .toList();
        this.workspace = workspace;
        this.console = console;
        this.untrained.forEach(c -> c.cache().ifPresent(CacheTraining::discardLeftovers));
    }

    /** A training run ended by a kill (not by this launcher) may have left its output behind. */
    private static void discardLeftovers(AheadOfTimeCache cache) {
        try {
            cache.discardTraining();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The components that start without a cache this time (none on a JDK without caches). */
    List<String> untrained() {
        return untrained.stream().map(Component::name).toList();
    }

    /**
     * Starts training in the background; returns at once. Not in CI: a clean clone that starts the
     * system once for its tests would spend minutes of CPU on caches nobody maps.
     */
    void start() {
        if (untrained.isEmpty() || "true".equals(System.getenv("CI"))) {
            return;
        }
        console.progress("training start-up caches in the background for " + String.join(", ", untrained())
                + " (the next ./emporium up uses them)");
        thread = Thread.ofPlatform().name("cache-training").daemon().start(this::trainAll);
    }

    private void trainAll() {
        long begin = System.nanoTime();
        List<String> trained = new ArrayList<>();
        for (ProcessComponent component : untrained) {
            try {
                if (component.trainCache(workspace.log(component.name() + "-training"))) {
                    trained.add(component.name());
                } else {
                    console.fail("could not train " + component.name() + "'s start-up cache; see "
                            + workspace.log(component.name() + "-training"));
                }
            } catch (InterruptedException e) {
                return; // the system is stopping
            } catch (Exception e) {
                console.fail("could not train " + component.name() + "'s start-up cache: " + e.getMessage());
            }
        }
        console.ok(String.format("start-up caches trained for %d of %d components in %.0f s",
                trained.size(), untrained.size(), seconds(begin)));
    }

    /** Ends a training run in progress and waits until its process is gone. */
    void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

}
