package org.emporium.platform.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline, for outcomes that arrive asynchronously. Tests never sleep a fixed time. */
public final class Await {

    /** Long enough for a start on a loaded 2-core machine; reached only when something is wrong. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Await() {
    }

    /** Polls until the condition holds; fails with {@code what} at the deadline. */
    public static void until(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            try {
                Thread.sleep(50); // a polling interval, not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEADLINE, condition);
    }
}
