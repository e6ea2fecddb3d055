package org.emporium.cart.persistence;

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
 * Deletes carts untouched for {@code emporium.cart.expire-after} (30 days), in batches, as a
 * scheduled job every {@code emporium.cart.expiry-interval}, as inventory's reservation expiry
 * does. Every instance runs it; their batches do not overlap (SKIP LOCKED). No event is published
 * for an expired cart.
 */
@ApplicationScoped
public class CartExpiry {

    private static final Logger LOG = Logger.getLogger(CartExpiry.class);

    private final CartRepository carts;
    private final BackgroundJobs jobs;
    private final Duration expireAfter;
    private final int batch;
    private final OutageLog outage;

    public CartExpiry(CartRepository carts, BackgroundJobs jobs,
                      @ConfigProperty(name = "emporium.cart.expire-after") Duration expireAfter,
                      @ConfigProperty(name = "emporium.cart.expiry-interval") Duration interval,
                      @ConfigProperty(name = "emporium.cart.expiry-batch") int batch) {
        this.carts = carts;
        this.jobs = jobs;
        this.expireAfter = expireAfter;
        this.batch = batch;
        this.outage = new OutageLog(LOG, "expiring carts", "retrying every " + interval);
    }

    @Scheduled(identity = "cart-expiry", every = "${emporium.cart.expiry-interval}",
            delayed = "${emporium.cart.expiry-interval}",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    void scheduled() {
        jobs.round(outage, this::expireNow);
    }

    /** One round: batches until fewer than a full batch was due. Returns how many carts went. */
    public int expireNow() {
        int total = jobs.inBatches(batch, () -> carts.expire(expireAfter, batch));
        if (total > 0) {
            LOG.infof("deleted %d cart(s) untouched for %s", total, expireAfter);
        }
        return total;
    }
}
