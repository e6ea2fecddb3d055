package org.emporium.platform.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter between two bounds; reset after a success. */
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private long currentMillis;

    public Backoff(Duration min, Duration max) {
        this.minMillis = Math.max(1, min.toMillis());
        this.maxMillis = Math.max(minMillis, max.toMillis());
        this.currentMillis = minMillis;
    }

    /** The next delay: random between half and all of the current bound, which then doubles. */
    public long nextMillis() {
        long bound = currentMillis;
        currentMillis = Math.min(maxMillis, currentMillis * 2);
        return bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1);
    }

    public void reset() {
        currentMillis = minMillis;
    }
}
