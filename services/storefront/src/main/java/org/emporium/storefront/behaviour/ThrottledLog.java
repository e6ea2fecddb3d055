package org.emporium.storefront.behaviour;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * A warning logged at most once per interval, with the count of the ones held back since: while
 * Kafka is away every view fails, and one line a minute says so as well as thousands would.
 */
final class ThrottledLog {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final AtomicLong nextAllowed;
    private final AtomicLong suppressed = new AtomicLong();

    ThrottledLog(Logger log, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.clock = nanoClock;
        this.nextAllowed = new AtomicLong(nanoClock.getAsLong());
    }

    /** Logs now, or counts the warning for the next line; true when it was logged. */
    boolean warn(String message, Throwable failure) {
        long now = clock.getAsLong();
        long due = nextAllowed.get();
        if (now - due < 0 || !nextAllowed.compareAndSet(due, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return false;
        }
        long held = suppressed.getAndSet(0);
        log.warnf("%s: %s%s", message, failure == null ? "" : failure.toString(),
                held == 0 ? "" : " (and " + held + " more since the last report)");
        return true;
    }
}
