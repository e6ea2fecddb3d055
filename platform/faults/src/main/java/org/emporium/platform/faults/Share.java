package org.emporium.platform.faults;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Which requests a fault meets: a share of those whose path starts with {@code path}, until a
 * time (epoch milliseconds; 0 for no end).
 */
public record Share(int percent, String path, long until) {

    public Share {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a share is 0 to 100 %, not " + percent);
        }
        path = path == null || path.isBlank() ? "/" : path;
    }

    /** Whether this request is one the fault meets (a new draw for each request). */
    public boolean hits(String requestPath, long nowMillis) {
        return applies(requestPath, nowMillis) && (percent == 100 || ThreadLocalRandom.current().nextInt(100) < percent);
    }

    boolean applies(String requestPath, long nowMillis) {
        return (until == 0 || nowMillis < until) && percent > 0 && requestPath.startsWith(path);
    }
}
