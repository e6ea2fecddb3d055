package org.emporium.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a process that died is started again: after a pause that doubles with each restart within
 * the window (1 s, 2 s, 4 s ..., at most {@code longest}), and not at all once it has been restarted
 * {@code limit} times within the window: a process that keeps dying has a cause a restart does not
 * fix, and restarting it forever would hide that and burn the CPU the others need.
 */
record RestartPolicy(Duration first, Duration longest, int limit, Duration window) {

    /** Five restarts within ten minutes, the first after a second, none more than 30 s apart. */
    static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10));

    /**
     * The pause before the next restart, given when the earlier ones were; empty when the limit is
     * reached (restarts older than the window do not count).
     */
    Optional<Duration> next(List<Instant> earlier, Instant now) {
        int recent = recent(earlier, now);
        if (recent >= limit) {
            return Optional.empty();
        }
        Duration pause = first;
        for (int i = 0; i < recent && pause.compareTo(longest) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return Optional.of(pause.compareTo(longest) > 0 ? longest : pause);
    }

    /** How many of the restarts count against the limit now. */
    int recent(List<Instant> earlier, Instant now) {
        Instant since = now.minus(window);
        return (int) earlier.stream().filter(t -> t.isAfter(since)).count();
    }

    /** "10 min", "30 s": for the line that says it gives up. */
    static String describe(Duration duration) {
        return duration.toSeconds() >= 60 && duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min"
                : duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
