package org.emporium.cart.persistence;

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
 * Deletes carts untouched for {@code emporium.cart.expire-after} (30 days), in batches, on one
 * platform thread of its own, as inventory's reservation expiry does. Every instance runs it;
 * their batches do not overlap (SKIP LOCKED). No event is published for an expired cart.
 */
@ApplicationScoped
public class CartExpiry implements Runnable {

    private static final Logger LOG = Logger.getLogger(CartExpiry.class);

    private final CartRepository carts;
    private final Duration expireAfter;
    private final Duration interval;
    private final int batch;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread thread;

    public CartExpiry(CartRepository carts,
                      @ConfigProperty(name = "emporium.cart.expire-after") Duration expireAfter,
                      @ConfigProperty(name = "emporium.cart.expiry-interval") Duration interval,
                      @ConfigProperty(name = "emporium.cart.expiry-batch") int batch) {
        this.carts = carts;
        this.expireAfter = expireAfter;
        this.interval = interval;
        this.batch = batch;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        thread = Thread.ofPlatform().name("cart-expiry").daemon().start(this);
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
                expireNow();
                if (failing) {
                    LOG.info("expiring carts works again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf(e, "expiring carts failed; retrying every %s", interval);
                    failing = true;
                }
            }
        }
    }

    /** One round: batches until fewer than a full batch was due. Returns how many carts went. */
    public int expireNow() {
        int total = 0;
        int expired;
        do {
            expired = carts.expire(expireAfter, batch);
            total += expired;
        } while (expired == batch && stop.getCount() > 0);
        if (total > 0) {
            LOG.infof("deleted %d cart(s) untouched for %s", total, expireAfter);
        }
        return total;
    }

    private boolean await(Duration duration) {
        try {
            return stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
