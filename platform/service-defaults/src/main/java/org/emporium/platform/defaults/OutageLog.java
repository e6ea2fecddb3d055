package org.emporium.platform.defaults;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Logs an outage of something a background job uses once when it starts, then every 30 s (or the
 * interval given) while it lasts, and once when it ends — not once per failed attempt, which would flood the log during an
 * outage of minutes. One per thing that can fail; safe to share between the rounds of a job.
 */
public final class OutageLog {

    private static final Duration EVERY = Duration.ofSeconds(30);

    private final long everyNanos;
    private final Logger log;
    private final String what;
    private final String meanwhile;
    private long startedAt;
    private long loggedAt;
    private int failures;

    /**
     * @param what      what failed, as the start of a sentence ("expiring carts")
     * @param meanwhile what happens until it works again ("retrying every 10m")
     */
    public OutageLog(Logger log, String what, String meanwhile) {
        this(log, what, meanwhile, EVERY);
    }

    /** @param every how often a lasting outage is logged again */
    public OutageLog(Logger log, String what, String meanwhile, Duration every) {
        this.everyNanos = every.toNanos();
        this.log = log;
        this.what = what;
        this.meanwhile = meanwhile;
    }

    /** Runs one attempt and logs its outcome; false when it threw. */
    public boolean attempt(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            failed(e.toString());
            return false;
        }
        recovered();
        return true;
    }

    public synchronized void failed(String cause) {
        long now = System.nanoTime();
        failures++;
        if (failures == 1) {
            startedAt = now;
            loggedAt = now;
            log.warnf("%s failed: %s; %s", what, cause, meanwhile);
        } else if (now - loggedAt >= everyNanos) {
            loggedAt = now;
            log.warnf("%s still failing after %d s (%d failed attempts): %s", what,
                    Duration.ofNanos(now - startedAt).toSeconds(), failures, cause);
        }
    }

    public synchronized void recovered() {
        if (failures > 0) {
            log.infof("%s works again after %d s (%d failed attempts)", what,
                    Duration.ofNanos(System.nanoTime() - startedAt).toSeconds(), failures);
            failures = 0;
        }
    }

    public synchronized boolean failing() {
        return failures > 0;
    }

    /** Failed attempts in a row so far: 0 while it works. */
    public synchronized int failures() {
        return failures;
    }
}
