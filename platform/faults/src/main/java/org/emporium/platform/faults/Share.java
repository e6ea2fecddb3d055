package org.emporium.platform.faults;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Which requests a fault meets: a share of those whose path starts with {@code path}, until a
 * time (epoch milliseconds; 0 for no end). With {@code to}, the fault meets this service's calls to
 * that downstream instead of the requests it receives ({@code chaos latency orders 500ms --to
 * payments}): a service it calls by REST, or one outside the system its code calls in process (the
 * card provider of payments).
 */
public record Share(int percent, String path, long until, String to) {

    public Share {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a share is 0 to 100 %, not " + percent);
        }
        path = path == null || path.isBlank() ? "/" : path;
        to = to == null ? "" : to;
    }

    /** On the requests this service receives. */
    public Share(int percent, String path, long until) {
        this(percent, path, until, "");
    }

    /** Whether this request is one the fault meets (a new draw for each request). */
    public boolean hits(String requestPath, long nowMillis) {
        return to.isEmpty() && applies(requestPath, nowMillis) && draw();
    }

    /** Whether this call to {@code callee} is one the fault meets (a new draw for each call). */
    public boolean hitsCallTo(String callee, long nowMillis) {
        return to.equals(callee) && (until == 0 || nowMillis < until) && percent > 0 && draw();
    }

    private boolean draw() {
        return percent == 100 || ThreadLocalRandom.current().nextInt(100) < percent;
    }

    boolean applies(String requestPath, long nowMillis) {
        return (until == 0 || nowMillis < until) && percent > 0 && requestPath.startsWith(path);
    }
}
