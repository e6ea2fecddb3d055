package org.emporium.identity.throttle;

import java.time.Duration;

/** A sign-up attempt over a limit of the {@link SignupThrottle}: the caller must wait {@link #retryAfter()}. */
public class SignupThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public SignupThrottledException(Duration retryAfter) {
        super("too many sign-up attempts");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up (the Retry-After header). */
    public long seconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The wait in whole minutes, rounded up, at least one (what the page and the problem say). */
    public long minutes() {
        return (seconds() + 59) / 60;
    }

    /** What the shopper is told; the same for either limit, so it does not say which one was hit. */
    public String message() {
        long minutes = minutes();
        return "Too many sign-ups from here; try again in " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
