package org.emporium.platform.faults;

import java.util.concurrent.ThreadLocalRandom;

/** Extra latency: a request it meets waits {@code millis}, or a uniform draw up to {@code upToMillis}. */
public record Latency(long millis, long upToMillis, Share share) {

    public Latency {
        if (millis < 0 || upToMillis < millis) {
            throw new IllegalArgumentException("latency: " + millis + " to " + upToMillis + " ms is no range");
        }
    }

    /** How long this request waits. */
    public long draw() {
        return upToMillis == millis ? millis : ThreadLocalRandom.current().nextLong(millis, upToMillis + 1);
    }
}
