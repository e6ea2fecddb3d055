package org.emporium.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

/**
 * Brings the system up: checks every port is free, starts each component as soon as what it
 * needs is ready (independent ones in parallel), waits for readiness with a deadline, and
 * stops what it started, in reverse order, on failure or on request.
 */
public final class Launch {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** Everything it runs; a copy of a service joins and leaves while the system runs ({@link #add}, {@link #remove}). */
    private final List<Component> components;
    private final Console console;
    private volatile long begin = System.nanoTime();
    private final List<Component> started = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> readyAfter = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile Runnable onStarted = () -> { };

    public Launch(List<Component> components, Console console) {
        this.components = new CopyOnWriteArrayList<>(components);
        this.console = console;
    }

    /** Called after each component's process is launched and again once it is ready, so stop and status see it at once. */
    public void onStarted(Runnable listener) {
        this.onStarted = listener;
    }

    /** Fails with a message naming the component and port when a port is taken. */
    public void checkPorts() {
        for (Component component : components) {
            if (!free(component.port())) {
                throw new LaunchException("port " + component.port() + " (" + component.name() + ") is already in use; "
                        + "stop what uses it, or move " + component.name() + " with EMPORIUM_"
                        + component.name().toUpperCase().replace('-', '_') + "_PORT");
            }
        }
    }

    /** Whether nothing listens on the port (on any interface). */
    public static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public void startAll() {
        begin = System.nanoTime();
        Map<String, CompletableFuture<Void>> ready = new LinkedHashMap<>();
        for (Component component : components) {
            console.status(component.name(), component.needs().isEmpty() ? "waiting"
                    : "waiting for " + String.join(", ", component.needs()), Console.Mark.WORKING);
        }
        // platform threads: unpacking Postgres is CPU-bound and would starve virtual threads' carriers
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            for (Component component : components) {
                CompletableFuture<?>[] needs = component.needs().stream().map(n -> {
                    CompletableFuture<Void> f = ready.get(n);
                    if (f == null) {
                        throw new IllegalStateException(component.name() + " needs " + n + ", which is not declared before it");
                    }
                    return f;
                }).toArray(CompletableFuture[]::new);
                ready.put(component.name(), CompletableFuture.allOf(needs)
                        .thenRunAsync(() -> startAndAwait(component, begin), pool));
            }
            CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof LaunchException l ? l
                    : new LaunchException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    private void startAndAwait(Component component, long begin) {
        if (stopping) {
            throw new LaunchException("stopping");
        }
        console.status(component.name(), "starting", Console.Mark.WORKING);
        long t0 = System.nanoTime();
        try {
            component.start();
            started.add(component);
            onStarted.run();
        } catch (Exception e) {
            started.add(component);
            onStarted.run();
            console.status(component.name(), "failed to start", Console.Mark.FAILED);
            throw new LaunchException(component.name() + " failed to start: "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        }
        try {
            awaitReady(component);
        } catch (NotReady e) {
            console.status(component.name(), e.state, Console.Mark.FAILED);
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        readyAfter.put(component.name(), Duration.ofNanos(System.nanoTime() - begin));
        onStarted.run();
        console.status(component.name(), String.format("ready in %.1f s", took.toMillis() / 1000.0), Console.Mark.DONE);
        component.notes().forEach(console::fail);
    }

    /** Polls the component's readiness until it is ready; fails when it exits, after the deadline, or on stop. */
    private void awaitReady(Component component) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!component.isReady()) {
            if (!component.isAlive()) {
                throw new NotReady("exited", component.name() + " exited during start-up; its last output:\n  "
                        + String.join("\n  ", component.recentOutput()));
            }
            if (System.nanoTime() > deadline || stopping) {
                throw new NotReady(stopping ? "stopped" : "not ready", component.name() + " was not ready within "
                        + READY_TIMEOUT.toSeconds() + " s; its last output:\n  " + String.join("\n  ", component.recentOutput()));
            }
            pause();
        }
    }

    /**
     * Starts a component that died again and waits until it is ready, as at the start (the
     * {@link Supervisor} does, while the system runs). Never while, or after, everything stops: the
     * start holds the lock {@link #stopAll} holds, so a process it starts is one stopAll stops.
     */
    public void restart(Component component) {
        synchronized (this) {
            if (stopping) {
                throw new LaunchException("stopping");
            }
            try {
                component.start();
            } catch (Exception e) {
                throw new LaunchException(component.name() + " failed to start: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        }
        onStarted.run();
        awaitReady(component);
        onStarted.run();
    }

    /**
     * Starts one more component while the system runs (another copy of a service) and waits until
     * it is ready; it is stopped with everything else. Fails, leaving nothing running, when it
     * does not become ready.
     */
    public void add(Component component) {
        // started under the lock stopAll holds, as a restart is: a process it starts is one stopAll stops
        synchronized (this) {
            if (stopping) {
                throw new LaunchException("stopping");
            }
            components.add(component);
            try {
                component.start();
            } catch (Exception e) {
                components.remove(component);
                throw new LaunchException(component.name() + " failed to start: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
            started.add(component);
        }
        onStarted.run();
        try {
            awaitReady(component);
        } catch (LaunchException e) {
            remove(component);
            throw e;
        }
        readyAfter.put(component.name(), Duration.ofNanos(System.nanoTime() - begin));
        onStarted.run();
    }

    /** Stops one component for good (a copy of a service scaled away): not restarted, no longer listed. */
    public void remove(Component component) {
        synchronized (this) {
            started.remove(component);
            components.remove(component);
        }
        onStarted.run();
        stop(component);
    }

    /** Everything it runs or is starting now, in the order they were declared or added. */
    public List<Component> components() {
        return List.copyOf(components);
    }

    /** Polling interval: short, because every millisecond here is start-up time. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted");
        }
    }

    /**
     * Stops everything started: a component once what stops before it has stopped (whatever needs it,
     * and every service if it is infrastructure), all others at the same time, since each may take
     * seconds to end gracefully. Safe to call more than once.
     */
    public synchronized void stopAll() {
        stopping = true;
        // declared order puts what a component needs before it: walk it backwards, services first
        List<Component> order = new ArrayList<>(components.stream().filter(started::contains).toList());
        Collections.reverse(order);
        order.sort(Comparator.comparing(Component::isInfrastructure));
        Map<Component, CompletableFuture<Void>> stopped = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().factory())) {
            for (Component component : order) {
                CompletableFuture<?>[] before = stopped.entrySet().stream()
                        .filter(e -> stopsBefore(e.getKey(), component)).map(Map.Entry::getValue)
                        .toArray(CompletableFuture[]::new);
                stopped.put(component, CompletableFuture.allOf(before).thenRunAsync(() -> stop(component), pool));
            }
            CompletableFuture.allOf(stopped.values().toArray(CompletableFuture[]::new)).join();
        }
        started.clear();
    }

    /** Whether {@code first} has to have stopped before {@code then} stops. */
    private static boolean stopsBefore(Component first, Component then) {
        return first.needs().contains(then.name()) || (then.isInfrastructure() && !first.isInfrastructure());
    }

    private void stop(Component component) {
        console.progress("stopping " + component.name());
        try {
            component.stop();
        } catch (RuntimeException e) {
            console.fail(component.name() + ": " + e.getMessage());
        }
    }

    public boolean isStopping() {
        return stopping;
    }

    public List<Component> started() {
        return List.copyOf(started);
    }

    public Map<String, Duration> readyAfter() {
        return readyAfter;
    }

    /** A component that did not become ready; {@code state} is what the table shows. */
    private static final class NotReady extends LaunchException {
        private final String state;

        NotReady(String state, String message) {
            super(message);
            this.state = state;
        }
    }

    /** A start-up failure with a message meant for the person at the terminal. */
    public static class LaunchException extends RuntimeException {
        public LaunchException(String message) {
            super(message);
        }

        public LaunchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
