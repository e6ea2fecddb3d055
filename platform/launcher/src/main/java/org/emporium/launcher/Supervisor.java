package org.emporium.launcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Keeps the system running while {@code up} runs: a process that dies (not while everything
 * stops) is started again after a pause that grows ({@link RestartPolicy}), and waited for until
 * it is ready, as at the start; one line says what happened. Past the policy's limit it stays
 * down, and a line says so.
 */
final class Supervisor {

    /** Waits out a restart's pause; tests pass one that only records it. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Launch launch;
    private final RestartPolicy policy;
    private final Console console;
    private final Clock clock;
    private final Pause pause;
    private final Executor restarts;
    private final Runnable changed;
    private final Map<String, List<Instant>> history = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    /** Being restarted now, or given up on: not looked at again. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();
    /** Down on purpose ({@link Outages}): not restarted, not counted. */
    private volatile java.util.function.Predicate<String> leftAlone = name -> false;

    /**
     * @param restarts runs each restart (its pause, start and wait for readiness) off the watching thread
     * @param changed  called when a component's pid or restart count changed (the state file is rewritten)
     */
    Supervisor(Launch launch, RestartPolicy policy, Console console, Clock clock, Pause pause, Executor restarts,
               Runnable changed) {
        this.launch = launch;
        this.policy = policy;
        this.console = console;
        this.clock = clock;
        this.pause = pause;
        this.restarts = restarts;
        this.changed = changed;
    }

    /** The usual one: real time, and a virtual thread per restart. */
    static Supervisor of(Launch launch, Console console, Runnable changed) {
        return new Supervisor(launch, RestartPolicy.DEFAULT, console, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()),
                r -> Thread.ofVirtual().name("emporium-restart").start(r), changed);
    }

    /** Components this predicate holds are down on purpose: the supervisor leaves them alone. */
    void leaveAlone(java.util.function.Predicate<String> downOnPurpose) {
        this.leftAlone = downOnPurpose;
    }

    /** How many times each component was restarted since up began. */
    Map<String, Integer> restarts() {
        return Map.copyOf(counts);
    }

    /** Looks at every started component once; the launcher calls it every second. */
    void check() {
        for (Component c : launch.started()) {
            if (launch.isStopping()) {
                return;
            }
            if (!c.isAlive() && !busy.contains(c.name()) && !givenUp.contains(c.name()) && !leftAlone.test(c.name())) {
                died(c);
            }
        }
    }

    private void died(Component c) {
        String exited = c.name() + " exited" + exitCode(c).stream().mapToObj(code -> " with code " + code).findFirst().orElse("");
        Instant now = clock.instant();
        List<Instant> earlier = history.computeIfAbsent(c.name(), n -> new ArrayList<>());
        Optional<Duration> wait = policy.next(earlier, now);
        if (wait.isEmpty()) {
            givenUp.add(c.name());
            console.fail(exited + "; it was restarted " + policy.limit() + " times within "
                    + RestartPolicy.describe(policy.window()) + ", so it stays down (see .emporium/logs/" + c.name() + ".log)");
            return;
        }
        int attempt = policy.recent(earlier, now) + 1;
        earlier.add(now);
        counts.merge(c.name(), 1, Integer::sum);
        busy.add(c.name());
        console.fail(exited + "; restarting (" + attempt + " of " + policy.limit() + ") in " + RestartPolicy.describe(wait.get()));
        restarts.execute(() -> restart(c, wait.get()));
    }

    private void restart(Component c, Duration wait) {
        try {
            pause.pause(wait);
            if (launch.isStopping()) {
                return;
            }
            long begin = System.nanoTime();
            launch.restart(c);
            console.ok(String.format("%s is ready again (pid %d) in %.1f s", c.name(), c.pid(), (System.nanoTime() - begin) / 1e9));
        } catch (Launch.LaunchException e) {
            if (!launch.isStopping()) {
                console.fail(c.name() + " did not come back: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            busy.remove(c.name());
            if (!launch.isStopping()) { // once stopping, the state file is being removed
                changed.run();
            }
        }
    }

    private static OptionalInt exitCode(Component c) {
        try {
            return c.exitCode();
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
