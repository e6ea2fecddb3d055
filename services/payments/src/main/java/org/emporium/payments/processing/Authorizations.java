package org.emporium.payments.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.payments.domain.Authorization;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.domain.PaymentProvider;
import org.emporium.payments.domain.PaymentStatus;
import org.emporium.payments.persistence.PaymentRepository;
import org.emporium.payments.persistence.PaymentStore;
import org.jboss.logging.Logger;

/**
 * Runs authorizations off the consumer thread, one virtual thread each, at most
 * {@code emporium.payments.authorization.concurrency} at once: a slow card holds its own thread,
 * not the partition it came from. When every slot is taken, {@link #submit} waits for one —
 * back-pressure on the consumer rather than an unbounded queue.
 *
 * <p>An authorization asks the provider (idempotent by payment id), then records the outcome and
 * its reply in one transaction, only if the payment is still AUTHORIZING. If the saga asked for a
 * void meanwhile and the outcome is AUTHORIZED, the hold is voided at once. Anything failing here
 * (provider unreachable, database down, shutdown) leaves the payment as it was, for
 * {@link AuthorizationRecovery} to drive again.
 */
@ApplicationScoped
public class Authorizations {

    private static final Logger LOG = Logger.getLogger(Authorizations.class);

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final PaymentMetrics metrics;
    private final Semaphore slots;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("authorization-", 0).factory());
    private volatile boolean stopping;

    public Authorizations(PaymentRepository payments, PaymentProvider provider, PaymentMetrics metrics,
                          MeterRegistry registry,
                          @ConfigProperty(name = "emporium.payments.authorization.concurrency") int concurrency) {
        this.payments = payments;
        this.provider = provider;
        this.metrics = metrics;
        this.slots = new Semaphore(concurrency);
        Gauge.builder("emporium.payments.authorizations.in.flight", inFlight, Set::size)
                .description("authorizations waiting for the provider").register(registry);
    }

    /** Starts driving this payment; waits while every slot is taken. No-op if it is in flight here already. */
    public void submit(UUID paymentId) {
        if (!inFlight.add(paymentId)) {
            return;
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            inFlight.remove(paymentId);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an authorization slot");
        }
        start(paymentId);
    }

    /** Starts driving this payment if a slot is free; false if not (the caller tries again later). */
    public boolean offer(UUID paymentId) {
        if (!inFlight.add(paymentId)) {
            return true;
        }
        if (!slots.tryAcquire()) {
            inFlight.remove(paymentId);
            return false;
        }
        start(paymentId);
        return true;
    }

    /**
     * Voids an authorized payment at the provider, then records it through {@code store} (the
     * repository, a transaction of its own, or a batch of commands); a concurrent void (the
     * consumer and this worker may both try) records it once.
     */
    public Optional<Payment> voidAuthorized(PaymentStore store, Payment payment, String detail) {
        provider.voidAuthorization(payment.id());
        Optional<Payment> voided = store.transition(payment.id(), PaymentStatus.VOIDED, detail,
                p -> p.status() == PaymentStatus.AUTHORIZED);
        voided.ifPresent(p -> store.afterCommit(() -> metrics.entered(p)));
        return voided;
    }

    private void start(UUID paymentId) {
        try {
            // the worker continues the trace of the command that asked for it (the checkout's)
            executor.execute(Context.current().wrap(() -> {
                try {
                    drive(paymentId);
                } finally {
                    inFlight.remove(paymentId);
                    slots.release();
                }
            }));
        } catch (RuntimeException e) {
            // rejected: shutting down; recovery picks it up after the restart
            inFlight.remove(paymentId);
            slots.release();
        }
    }

    private void drive(UUID paymentId) {
        try {
            Payment payment = payments.find(paymentId).orElse(null);
            if (payment == null) {
                return;
            }
            if (payment.status() == PaymentStatus.AUTHORIZING) {
                Authorization result = provider.authorize(paymentId, payment.amount(), payment.cardToken());
                Optional<Payment> recorded = payments.recordAuthorization(paymentId, result);
                recorded.ifPresent(metrics::entered);
                payment = recorded.isPresent() ? recorded.get() : payments.find(paymentId).orElseThrow();
                LOG.infof("payment %s %s", paymentId, payment.status());
            }
            if (payment.status() == PaymentStatus.AUTHORIZED && payment.voidRequested()) {
                voidAuthorized(payments, payment, "voided: the void was requested during the authorization")
                        .ifPresent(p -> LOG.infof("payment %s voided as requested during its authorization", paymentId));
            }
        } catch (RuntimeException e) {
            if (stopping) {
                LOG.infof("authorization of payment %s interrupted by shutdown; recovery resumes it", paymentId);
            } else {
                LOG.warnf("authorization of payment %s failed: %s; recovery retries it", paymentId, e.toString());
            }
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
