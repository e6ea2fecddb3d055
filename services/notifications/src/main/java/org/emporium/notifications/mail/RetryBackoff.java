package org.emporium.notifications.mail;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th failure waits between half and all of
 * {@code min · 2^(n-1)}, capped at {@code max}. Jitter keeps instances that failed together from
 * retrying together.
 */
record RetryBackoff(Duration min, Duration max) {

    Duration after(int failures) {
        long minMillis = Math.max(1, min.toMillis());
        long maxMillis = Math.max(minMillis, max.toMillis());
        int doublings = Math.min(Math.max(0, failures - 1), 30);
        long bound = Math.min(maxMillis, minMillis << doublings);
        return Duration.ofMillis(bound / 2 + ThreadLocalRandom.current().nextLong(bound / 2 + 1));
    }
}
