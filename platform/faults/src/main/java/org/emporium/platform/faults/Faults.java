package org.emporium.platform.faults;

import java.util.Map;

/**
 * What the flag file asks of one service now. {@link #NONE} when nothing is asked: the request
 * path then costs one comparison, which is how faults stay invisible while off.
 *
 * @param latency extra latency on incoming requests (or on calls to one downstream, {@link Share#to()}), or null
 * @param errors  errors instead of answers on incoming requests (or on calls to one downstream), or null
 * @param cut     the services this one's calls to are refused, each until a time (epoch ms, 0: no end)
 * @param stalledUntil its Kafka consumers stop consuming until then (epoch ms, 0: no end), or null
 */
public record Faults(Latency latency, Errors errors, Map<String, Long> cut, Long stalledUntil) {

    public static final Faults NONE = new Faults(null, null, Map.of(), null);

    public Faults {
        cut = Map.copyOf(cut);
    }

    public Faults(Latency latency, Errors errors, Map<String, Long> cut) {
        this(latency, errors, cut, null);
    }

    public boolean none() {
        return latency == null && errors == null && cut.isEmpty() && stalledUntil == null;
    }

    /** Whether this service's Kafka consumers must not consume now ({@code ./emporium chaos stall}). */
    public boolean stalls(long nowMillis) {
        return stalledUntil != null && (stalledUntil == 0 || nowMillis < stalledUntil);
    }

    /** How long a request to this path waits first (0: not at all). */
    public long delayMillis(String path) {
        return latency != null && latency.share().hits(path, System.currentTimeMillis()) ? latency.draw() : 0;
    }

    /** The error a request to this path gets instead of its answer, or null. */
    public Errors error(String path) {
        return errors != null && errors.share().hits(path, System.currentTimeMillis()) ? errors : null;
    }

    /** How long this call to {@code callee} waits first (0: not at all). */
    public long delayMillisTowards(String callee) {
        return latency != null && latency.share().hitsCallTo(callee, System.currentTimeMillis()) ? latency.draw() : 0;
    }

    /** The error this call to {@code callee} gets instead of its answer, or null. */
    public Errors errorTowards(String callee) {
        return errors != null && errors.share().hitsCallTo(callee, System.currentTimeMillis()) ? errors : null;
    }

    /** Whether any fault meets calls to downstreams: cut calls, or latency or errors {@code --to} one. */
    public boolean onCalls() {
        return !cut.isEmpty() || (latency != null && !latency.share().to().isEmpty())
                || (errors != null && !errors.share().to().isEmpty());
    }

    /** Whether this service's calls to {@code callee} are refused now. */
    public boolean isCutOffFrom(String callee) {
        Long until = cut.get(callee);
        return until != null && (until == 0 || System.currentTimeMillis() < until);
    }
}
