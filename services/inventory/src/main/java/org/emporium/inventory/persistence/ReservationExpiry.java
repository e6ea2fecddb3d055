package org.emporium.inventory.persistence;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.defaults.BackgroundJobs;
import org.emporium.platform.defaults.OutageLog;
import org.jboss.logging.Logger;

/**
 * Releases expired reservations, as a scheduled job every {@code emporium.inventory.expiry-interval}.
 * Every instance runs it; their batches do not overlap ({@link ReservationRepository#expireDue} skips
 * locked rows). While the database is down it logs once per outage and keeps trying at its interval.
 */
@ApplicationScoped
public class ReservationExpiry {

    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class);

    private final ReservationRepository reservations;
    private final BackgroundJobs jobs;
    private final int batch;
    private final OutageLog outage;

    public ReservationExpiry(ReservationRepository reservations, BackgroundJobs jobs,
                             @ConfigProperty(name = "emporium.inventory.expiry-interval") Duration interval,
                             @ConfigProperty(name = "emporium.inventory.expiry-batch") int batch) {
        this.reservations = reservations;
        this.jobs = jobs;
        this.batch = batch;
        this.outage = new OutageLog(LOG, "expiring reservations", "retrying every " + interval);
    }

    @Scheduled(identity = "reservation-expiry", every = "${emporium.inventory.expiry-interval}",
            delayed = "${emporium.inventory.expiry-interval}",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    void scheduled() {
        jobs.round(outage, this::expireNow);
    }

    /** One round: batches until fewer than a full batch was due. Returns how many reservations went. */
    public int expireNow() {
        return jobs.inBatches(batch, () -> {
            int expired = reservations.expireDue(batch);
            if (expired > 0) {
                LOG.infof("released %d expired reservation(s)", expired);
            }
            return expired;
        });
    }
}
