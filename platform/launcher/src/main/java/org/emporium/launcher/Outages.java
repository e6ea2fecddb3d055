package org.emporium.launcher;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Components taken down on purpose for a while ({@code ./emporium chaos kafka down 30s}). What is
 * asked lives in .emporium/run/faults/outages.properties ({@code kafka=<until, epoch ms>}): the
 * chaos command writes it, and the running {@code up} looks every second ({@link #check}): it stops
 * what should be down (gracefully, as a maintenance stop or a broker leaving would), keeps the
 * {@link Supervisor} from restarting it meanwhile ({@link #holds}), and when the time is up starts it
 * again, waits until it is ready, and takes it out of the file. The launcher, not the command,
 * brings it back: a command interrupted halfway leaves no component down for good.
 */
final class Outages {

    private final Launch launch;
    private final Console console;
    private final Path file;
    private final Clock clock;
    private final Executor work;
    /** Down on purpose now, or being stopped or started again: the supervisor leaves these alone. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    /** The usual one: real time, and a virtual thread for each stop and start. */
    static Outages of(Launch launch, Console console, Workspace workspace) {
        return new Outages(launch, console, file(workspace), Clock.systemUTC(),
                r -> Thread.ofVirtual().name("emporium-outage").start(r));
    }

    /** @param work runs each stop and each start again (with its wait for readiness) off the checking thread */
    Outages(Launch launch, Console console, Path file, Clock clock, Executor work) {
        this.launch = launch;
        this.console = console;
        this.file = file;
        this.clock = clock;
        this.work = work;
    }

    static Path file(Workspace workspace) {
        return workspace.faultsFile().resolveSibling("outages.properties");
    }

    /** The outages asked for: component → until when. */
    static Map<String, Instant> read(Path file) {
        Map<String, Instant> outages = new LinkedHashMap<>();
        Properties p = PropertiesFile.read(file);
        if (p != null) {
            p.stringPropertyNames().stream().sorted().forEach(name -> {
                try {
                    outages.put(name, Instant.ofEpochMilli(Long.parseLong(p.getProperty(name).strip())));
                } catch (NumberFormatException ignored) {
                    // written by the chaos command, which checks what it writes: a hand edit gone wrong is skipped
                }
            });
        }
        return outages;
    }

    /** Adds (or moves the end of) one outage; whole or not at all, as the running up reads it each second. */
    static void ask(Path file, String component, Instant until) {
        Map<String, Instant> all = new LinkedHashMap<>(read(file));
        all.put(component, until);
        write(file, all);
    }

    private static void write(Path file, Map<String, Instant> outages) {
        Properties p = new Properties();
        outages.forEach((name, until) -> p.setProperty(name, String.valueOf(until.toEpochMilli())));
        PropertiesFile.write(file, p, "components down on purpose until then (epoch ms); ./emporium chaos writes it, the running up follows it");
    }

    /** Whether the supervisor must leave this component alone: it is down on purpose, or coming back. */
    boolean holds(String name) {
        return held.contains(name) || busy.contains(name);
    }

    /** Called every second: stops what should be down, starts again what is due, each off the calling thread. */
    void check() {
        Instant now = clock.instant();
        Map<String, Instant> asked = read(file);
        for (Map.Entry<String, Instant> outage : asked.entrySet()) {
            String name = outage.getKey();
            Optional<Component> found = launch.started().stream().filter(c -> c.name().equals(name)).findFirst();
            if (found.isEmpty() || busy.contains(name)) {
                continue;
            }
            Component c = found.get();
            if (now.isBefore(outage.getValue())) {
                if (held.add(name) || c.isAlive()) {
                    busy.add(name);
                    work.execute(() -> takeDown(c, outage.getValue()));
                }
            } else {
                busy.add(name);
                work.execute(() -> bringBack(c));
            }
        }
        held.removeIf(name -> !asked.containsKey(name) && !busy.contains(name));
    }

    private void takeDown(Component c, Instant until) {
        try {
            console.fail(c.name() + " taken down on purpose (./emporium chaos) until " + until + "; the launcher starts it again then");
            c.stop();
        } finally {
            busy.remove(c.name());
        }
    }

    private void bringBack(Component c) {
        try {
            long begin = System.nanoTime();
            if (!c.isAlive() && !launch.isStopping()) {
                launch.restart(c);
                console.ok(String.format("%s is back after its outage (pid %d, ready in %.1f s)", c.name(), c.pid(),
                        (System.nanoTime() - begin) / 1e9));
            }
        } catch (Launch.LaunchException e) {
            if (!launch.isStopping()) {
                console.fail(c.name() + " did not come back after its outage: " + e.getMessage()
                        + "; the supervisor tries again");
            }
        } finally {
            Map<String, Instant> rest = new LinkedHashMap<>(read(file));
            rest.remove(c.name());
            write(file, rest);
            held.remove(c.name());
            busy.remove(c.name());
        }
    }
}
