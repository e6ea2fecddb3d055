package org.emporium.payments.processing;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.payments.persistence.PaymentRepository;
import org.emporium.platform.defaults.BackgroundJobs;
import org.emporium.platform.defaults.OutageLog;
import org.jboss.logging.Logger;

/**
 * Drives again what a crash (kill -9), a provider outage or a database failure left unfinished:
 * payments AUTHORIZING, or AUTHORIZED with a void requested, unchanged for longer than
 * {@code recovery.age}. A scheduled job, at start and then every {@code recovery.interval}.
 * Safe with several instances and with authorizations still in flight elsewhere: the provider is
 * idempotent by payment id and an outcome is recorded only while the payment is still AUTHORIZING.
 */
@ApplicationScoped
public class AuthorizationRecovery {

    private static final Logger LOG = Logger.getLogger(AuthorizationRecovery.class);

    private final PaymentRepository payments;
    private final Authorizations authorizations;
    private final BackgroundJobs jobs;
    private final Duration age;
    private final int batch;
    private final OutageLog outage;

    public AuthorizationRecovery(PaymentRepository payments, Authorizations authorizations, BackgroundJobs jobs,
                                 @ConfigProperty(name = "emporium.payments.recovery.age") Duration age,
                                 @ConfigProperty(name = "emporium.payments.recovery.interval") Duration interval,
                                 @ConfigProperty(name = "emporium.payments.recovery.batch") int batch) {
        this.payments = payments;
        this.authorizations = authorizations;
        this.jobs = jobs;
        this.age = age;
        this.batch = batch;
        this.outage = new OutageLog(LOG, "recovering payments", "retrying every " + interval);
    }

    @Scheduled(identity = "authorization-recovery", every = "${emporium.payments.recovery.interval}",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    void scheduled() {
        jobs.round(outage, this::recoverNow);
    }

    /** One round: hands the unfinished payments to free authorization slots. Returns how many. */
    public int recoverNow() {
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
        return resumed;
    }
}
