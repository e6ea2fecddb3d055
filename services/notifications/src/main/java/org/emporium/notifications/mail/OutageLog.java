package org.emporium.notifications.mail;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Logs an outage once when it starts, then every 30 s while it lasts, and once when it ends —
 * not once per failed attempt, which would flood the log during an outage of minutes.
 */
final class OutageLog {

    private static final long EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final Logger log;
    private final String what;
    private long startedAt;
    private long loggedAt;
    private int failures;

    OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    void failed(String cause) {
        long now = System.nanoTime();
        failures++;
        if (failures == 1) {
            startedAt = now;
            loggedAt = now;
            log.warnf("%s failed: %s; notifications stay pending and are retried with backoff", what, cause);
        } else if (now - loggedAt >= EVERY_NANOS) {
            loggedAt = now;
            log.warnf("%s still failing after %d s (%d failed attempts): %s", what,
                    Duration.ofNanos(now - startedAt).toSeconds(), failures, cause);
        }
    }

    void recovered() {
        if (failures > 0) {
            log.infof("%s works again after %d s (%d failed attempts)", what,
                    Duration.ofNanos(System.nanoTime() - startedAt).toSeconds(), failures);
            failures = 0;
        }
    }

    boolean failing() {
        return failures > 0;
    }

    int failures() {
        return failures;
    }
}
