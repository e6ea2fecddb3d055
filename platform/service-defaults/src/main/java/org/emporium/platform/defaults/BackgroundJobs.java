package org.emporium.platform.defaults;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Graceful stop for a service's background jobs (quarkus-scheduler methods). A job runs each round
 * through {@link #round} and checks {@link #stopping()} between its batches; at shutdown no new round
 * starts and shutdown waits (at most 10 s) for the rounds in flight to finish their batch, so the
 * database or broker is not closed under them.
 */
@ApplicationScoped
public class BackgroundJobs {

    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class);
    private static final Duration GRACE = Duration.ofSeconds(10);

    // one party for this bean; each round in flight registers another
    private final Phaser inFlight = new Phaser(1);
    private volatile boolean stopping;

    /** Runs one round unless shutdown has begun. */
    public void round(Runnable work) {
        inFlight.register();
        try {
            if (!stopping) {
                work.run();
            }
        } finally {
            inFlight.arriveAndDeregister();
        }
    }

    /** Runs one round, its failures logged once per outage. */
    public void round(OutageLog outage, Runnable work) {
        round(() -> outage.attempt(work));
    }

    /**
     * Repeats {@code batch} (which handles at most {@code size} items and says how many it did)
     * while batches come back full, so a backlog drains without waiting for the next round, until
     * one comes back short or shutdown begins. Returns how many items went in all.
     */
    public int inBatches(int size, IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done == size && !stopping);
        return total;
    }

    /** True once shutdown has begun: a round ends after its current batch. */
    public boolean stopping() {
        return stopping;
    }

    void stop(@Observes @Priority(10) ShutdownEvent event) {
        stopping = true;
        try {
            inFlight.awaitAdvanceInterruptibly(inFlight.arrive(), GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warnf("a background job still runs after %d s; shutting down anyway", GRACE.toSeconds());
        }
    }
}
