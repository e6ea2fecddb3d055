package org.emporium.inventory.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Releases expired reservations, on one platform thread of its own (quarkus-scheduler would do,
 * but a loop this small is clearer than another extension). Every instance runs it; their
 * batches do not overlap ({@link ReservationRepository#expireDue} skips locked rows). While the
 * database is down it logs once per outage and keeps trying at its interval.
 */
@ApplicationScoped
public class ReservationExpiry implements Runnable {

    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class);

    private final ReservationRepository reservations;
    private final Duration interval;
    private final int batch;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread thread;

    public ReservationExpiry(ReservationRepository reservations,
                             @ConfigProperty(name = "emporium.inventory.expiry-interval") Duration interval,
                             @ConfigProperty(name = "emporium.inventory.expiry-batch") int batch) {
        this.reservations = reservations;
        this.interval = interval;
        this.batch = batch;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        thread = Thread.ofPlatform().name("reservation-expiry").daemon().start(this);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stop.countDown();
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    @Override
    public void run() {
        boolean failing = false;
        while (!await(interval)) {
            try {
                int expired;
                // a full batch means more may be due: go on without waiting
                do {
                    expired = reservations.expireDue(batch);
                    if (expired > 0) {
                        LOG.infof("released %d expired reservation(s)", expired);
                    }
                } while (expired == batch && stop.getCount() > 0);
                if (failing) {
                    LOG.info("expiring reservations works again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf(e, "expiring reservations failed; retrying every %s", interval);
                    failing = true;
                }
            }
        }
    }

    /** Waits for the interval; true when asked to stop. */
    private boolean await(Duration duration) {
        try {
            return stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
