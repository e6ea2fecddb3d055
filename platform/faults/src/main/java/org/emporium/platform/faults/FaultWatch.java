package org.emporium.platform.faults;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A service's watch of the flag file, started off the calling thread: the first read loads the
 * provider's classes and parses the file (about 1–2.5 s on a busy start), which must not delay the
 * start, and a file that cannot be read must not stop the service, which runs on with no faults.
 * Until the first read, and without a file, {@link #current()} is {@link Faults#NONE}. The one way
 * every service (Quarkus, the gateway, identity) watches.
 */
public final class FaultWatch implements AutoCloseable {

    private volatile FaultFlags flags;

    private FaultWatch() {
    }

    /** A watch of nothing: no faults, ever (before a service has started its own). */
    public static FaultWatch none() {
        return new FaultWatch();
    }

    /**
     * @param file    the flag file ({@code EMPORIUM_FAULTS_FILE}); blank: nothing is watched
     * @param info    logs a line at INFO: the faults all cleared
     * @param warning logs a line at WARN: the faults injected now, or why the file cannot be watched
     */
    public static FaultWatch start(String file, String service, Consumer<String> info, Consumer<String> warning) {
        FaultWatch watch = new FaultWatch();
        if (file != null && !file.isBlank()) {
            Thread.ofVirtual().name("emporium-faults").start(() -> {
                try {
                    watch.flags = FaultFlags.watch(Path.of(file), service,
                            faults -> (faults.none() ? info : warning).accept(describe(faults)));
                } catch (RuntimeException e) {
                    warning.accept("faults: cannot watch " + file + ", so none can be injected here: " + e.getMessage());
                }
            });
        }
        return watch;
    }

    /** What is asked of this service now. */
    public Faults current() {
        FaultFlags watching = flags;
        return watching == null ? Faults.NONE : watching.current();
    }

    /** The line a service logs on a change: what is injected now, or that nothing is. */
    static String describe(Faults faults) {
        return faults.none() ? "faults: none (all cleared)" : "faults injected now: " + faults;
    }

    @Override
    public void close() {
        FaultFlags watching = flags;
        if (watching != null) {
            watching.close();
        }
    }
}
