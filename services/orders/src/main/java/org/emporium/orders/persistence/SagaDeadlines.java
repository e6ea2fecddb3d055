package org.emporium.orders.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.orders.saga.CheckoutSaga;
import org.jboss.logging.Logger;

/**
 * Times out steps whose reply did not come: one platform thread looks every interval (1 s) and
 * hands each overdue order the saga's "deadline passed", which sends the step's command again or
 * compensates. A full batch is followed at once by the next. Deadlines use the database's clock.
 */
@ApplicationScoped
public class SagaDeadlines {

    private static final Logger LOG = Logger.getLogger(SagaDeadlines.class);
    private static final int BATCH = 100;

    private final CheckoutSaga saga;
    private final Duration interval;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private Thread thread;

    SagaDeadlines(CheckoutSaga saga,
                  @ConfigProperty(name = "emporium.orders.timeout-scan-interval") Duration interval) {
        this.saga = saga;
        this.interval = interval;
    }

    void start(@Observes @Priority(40) StartupEvent event) {
        thread = Thread.ofPlatform().name("saga-deadlines").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopRequested.countDown();
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    private void run() {
        boolean failing = false;
        while (stopRequested.getCount() > 0) {
            try {
                int done;
                do {
                    done = saga.timeOut(BATCH);
                } while (done == BATCH && stopRequested.getCount() > 0);
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("timing out orders failed: %s; trying again every %s", e.toString(), interval);
                    failing = true;
                }
            }
            try {
                stopRequested.await(interval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
