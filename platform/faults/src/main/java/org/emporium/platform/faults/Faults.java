package org.emporium.platform.faults;

import java.util.Map;

/**
 * What the flag file asks of one service now. {@link #NONE} when nothing is asked: the request
 * path then costs one comparison, which is how faults stay invisible while off.
 *
 * @param latency extra latency on incoming requests, or null
 * @param errors  errors instead of answers on incoming requests, or null
 * @param cut     the services this one's calls to are refused, each until a time (epoch ms, 0: no end)
 */
public record Faults(Latency latency, Errors errors, Map<String, Long> cut) {

    public static final Faults NONE = new Faults(null, null, Map.of());

    public Faults {
        cut = Map.copyOf(cut);
    }

    public boolean none() {
        return latency == null && errors == null && cut.isEmpty();
    }

    /** How long a request to this path waits first (0: not at all). */
    public long delayMillis(String path) {
        return latency != null && latency.share().hits(path, System.currentTimeMillis()) ? latency.draw() : 0;
    }

    /** The error a request to this path gets instead of its answer, or null. */
    public Errors error(String path) {
        return errors != null && errors.share().hits(path, System.currentTimeMillis()) ? errors : null;
    }

    /** Whether this service's calls to {@code callee} are refused now. */
    public boolean isCutOffFrom(String callee) {
        Long until = cut.get(callee);
        return until != null && (until == 0 || System.currentTimeMillis() < until);
    }
}
