package org.emporium.orders.saga;

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
 * Times out steps whose reply did not come: a scheduled job looks every interval (1 s) and hands
 * each overdue order the saga's "deadline passed", which sends the step's command again or
 * compensates. A full batch is followed at once by the next. Deadlines use the database's clock.
 */
@ApplicationScoped
public class SagaDeadlines {

    private static final Logger LOG = Logger.getLogger(SagaDeadlines.class);
    private static final int BATCH = 100;

    private final CheckoutSaga saga;
    private final BackgroundJobs jobs;
    private final OutageLog outage;

    SagaDeadlines(CheckoutSaga saga, BackgroundJobs jobs,
                  @ConfigProperty(name = "emporium.orders.timeout-scan-interval") Duration interval) {
        this.saga = saga;
        this.jobs = jobs;
        this.outage = new OutageLog(LOG, "timing out orders", "trying again every " + interval);
    }

    @Scheduled(identity = "saga-deadlines", every = "${emporium.orders.timeout-scan-interval}",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    void scan() {
        jobs.round(outage, () -> jobs.inBatches(BATCH, () -> saga.timeOut(BATCH)));
    }
}
