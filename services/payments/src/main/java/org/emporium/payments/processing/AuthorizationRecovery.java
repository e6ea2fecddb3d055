package org.emporium.payments.processing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.payments.persistence.PaymentRepository;
import org.jboss.logging.Logger;

/**
 * Drives again what a crash (kill -9), a provider outage or a database failure left unfinished:
 * payments AUTHORIZING, or AUTHORIZED with a void requested, unchanged for longer than
 * {@code recovery.age}. At start and then every {@code recovery.interval}, on one platform thread.
 * Safe with several instances and with authorizations still in flight elsewhere: the provider is
 * idempotent by payment id and an outcome is recorded only while the payment is still AUTHORIZING.
 */
@ApplicationScoped
public class AuthorizationRecovery implements Runnable {

    private static final Logger LOG = Logger.getLogger(AuthorizationRecovery.class);

    private final PaymentRepository payments;
    private final Authorizations authorizations;
    private final Duration age;
    private final Duration interval;
    private final int batch;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread thread;

    public AuthorizationRecovery(PaymentRepository payments, Authorizations authorizations,
                                 @ConfigProperty(name = "emporium.payments.recovery.age") Duration age,
                                 @ConfigProperty(name = "emporium.payments.recovery.interval") Duration interval,
                                 @ConfigProperty(name = "emporium.payments.recovery.batch") int batch) {
        this.payments = payments;
        this.authorizations = authorizations;
        this.age = age;
        this.interval = interval;
        this.batch = batch;
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        thread = Thread.ofPlatform().name("authorization-recovery").daemon().start(this);
    }

    void stop(@Observes @Priority(10) ShutdownEvent event) throws InterruptedException {
        stop.countDown();
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    @Override
    public void run() {
        boolean failing = false;
        do {
            try {
                List<UUID> unfinished = payments.unfinished(age, batch);
                int resumed = 0;
                for (UUID id : unfinished) {
                    if (!authorizations.offer(id)) {
                        break; // every slot is busy: the rest waits for the next round
                    }
                    resumed++;
                }
                if (resumed > 0) {
                    LOG.infof("resuming %d unfinished payment(s)", resumed);
                }
                if (failing) {
                    LOG.info("recovering payments works again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("recovering payments failed: %s; retrying every %s", e.toString(), interval);
                    failing = true;
                }
            }
        } while (!await(interval));
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
