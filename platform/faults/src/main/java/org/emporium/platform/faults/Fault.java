package org.emporium.platform.faults;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kinds of runtime fault and how each is written in the flag file: one flag per service and
 * kind, {@code <service>.<kind>}, whose value is a JSON object. Both sides use this class, the
 * launcher that writes the file and the services that read it.
 */
public enum Fault {
    /**
     * {@code {"millis": 300, "upToMillis": 800, "percent": 50, "path": "/api/catalog", "until": "2026-12-06T05:00:00Z"}};
     * with {@code "to": "payments"} on the service's calls to payments instead of its incoming requests
     */
    LATENCY,
    /** {@code {"status": 503, "percent": 20, "path": "/"}} (status 0: drop the connection; no until: no end) */
    ERRORS,
    /** {@code {"recommendations": "", "catalog": "2026-12-06T05:00:00Z"}}: callee → until ("": no end) */
    CUT,
    /** {@code {"until": "2026-12-06T05:00:00Z"}} ("": no end): the service's Kafka consumers stop consuming */
    STALL;

    public String key(String service) {
        return service + "." + name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Map<String, Object> value(Latency latency) {
        Map<String, Object> v = share(latency.share());
        v.put("millis", latency.millis());
        v.put("upToMillis", latency.upToMillis());
        return v;
    }

    /** A stall until then (epoch ms; 0: until cleared). */
    public static Map<String, Object> stall(long until) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("until", until(until));
        return v;
    }

    public static Map<String, Object> value(Errors errors) {
        Map<String, Object> v = share(errors.share());
        v.put("status", errors.status());
        return v;
    }

    /** The faults of one service from its flags' values (absent or empty: none of that kind). */
    public static Faults faults(Map<String, Object> latency, Map<String, Object> errors, Map<String, Object> cut) {
        return faults(latency, errors, cut, null);
    }

    /** The faults of one service from its flags' values, a stall too (absent or empty: none of that kind). */
    public static Faults faults(Map<String, Object> latency, Map<String, Object> errors, Map<String, Object> cut,
                                Map<String, Object> stall) {
        Latency l = empty(latency) ? null
                : new Latency(number(latency, "millis", 0), number(latency, "upToMillis", number(latency, "millis", 0)), share(latency));
        Errors e = empty(errors) ? null : new Errors((int) number(errors, "status", 503), share(errors));
        Map<String, Long> c = new LinkedHashMap<>();
        if (!empty(cut)) {
            cut.forEach((callee, until) -> c.put(callee, instant(until)));
        }
        Long s = empty(stall) ? null : instant(stall.get("until"));
        return l == null && e == null && c.isEmpty() && s == null ? Faults.NONE : new Faults(l, e, c, s);
    }

    /**
     * A time as the file holds it: ISO-8601, or "" for no end. (Not epoch milliseconds: OpenFeature's
     * values hold integers and doubles, not longs, and a person reads the file too.)
     */
    public static String until(long epochMillis) {
        return epochMillis == 0 ? "" : java.time.Instant.ofEpochMilli(epochMillis).toString();
    }

    private static long instant(Object until) {
        return until instanceof String text && !text.isBlank() ? java.time.Instant.parse(text).toEpochMilli() : 0;
    }

    private static Map<String, Object> share(Share share) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("percent", share.percent());
        v.put("path", share.path());
        if (!share.to().isEmpty()) {
            v.put("to", share.to());
        }
        if (share.until() != 0) {
            v.put("until", until(share.until()));
        }
        return v;
    }

    private static Share share(Map<String, Object> value) {
        return new Share((int) number(value, "percent", 100), value.get("path") instanceof String p ? p : "/", instant(value.get("until")),
                value.get("to") instanceof String to ? to : "");
    }

    private static boolean empty(Map<String, Object> value) {
        return value == null || value.isEmpty();
    }

    private static long number(Map<String, Object> value, String key, long otherwise) {
        return value.get(key) instanceof Number n ? n.longValue() : otherwise;
    }
}
