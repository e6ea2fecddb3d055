package org.emporium.notifications.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.notifications.persistence.NotificationRepository;
import org.emporium.notifications.persistence.NotificationRepository.Due;
import org.emporium.notifications.persistence.NotificationRepository.Outcome;
import org.emporium.platform.defaults.BackgroundJobs;
import org.emporium.platform.defaults.OutageLog;
import org.emporium.platform.messaging.Tracing;
import org.jboss.logging.Logger;

/**
 * Sends the PENDING notifications, as a scheduled job whose rounds never overlap. A round runs at
 * the next tick (each second) after a new notification ({@link #wake()}, called after the insert
 * committed) and also every {@code scan-interval}, which picks up retries that became due and rows
 * another instance inserted. Each message is sent in the transaction that locked its row (FOR UPDATE SKIP LOCKED)
 * and marked SENT, with its Message-ID, before that transaction commits; instances and threads
 * therefore never send the same row at the same time.
 *
 * <p>SMTP down or slow: the row stays PENDING, its attempts grow and its next attempt moves out
 * exponentially; the worker itself backs off as well (an outage is not hammered once per row, nor
 * once per new event), and logs the outage once, then every 30 s, then its end.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final String RETRIED = "notifications stay pending and are retried with backoff";
    /**
     * A connection idle longer than this is checked before it carries a message. Jakarta Mail's
     * isConnected() sends a NOOP and waits for the reply: asked before every message, that is one
     * more round trip and one more command for the server per email, while back to back within a
     * round the connection is known to be fine (servers close idle ones after minutes).
     */
    private static final long IDLE_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

    private final NotificationRepository notifications;
    private final SmtpMailer mailer;
    private final Duration scanInterval;
    private final RetryBackoff backoff;
    private final Counter sent;
    private final Counter failedAttempts;
    private final AtomicLong pending = new AtomicLong();
    private final Scheduler scheduler;
    private final BackgroundJobs jobs;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final OutageLog smtpOutage;
    private final OutageLog databaseOutage = new OutageLog(LOG, "reading notifications from the database",
            RETRIED);
    // when the next round is due (System.nanoTime()), and whether a wake may bring it forward
    private volatile long nextRoundAt = System.nanoTime();
    private volatile boolean wakeable = true;
    private Transport transport;
    private long transportUsedAt;

    public NotificationSender(NotificationRepository notifications, SmtpMailer mailer, MeterRegistry registry,
                              Scheduler scheduler, BackgroundJobs jobs,
                              @ConfigProperty(name = "emporium.notifications.sender.scan-interval") Duration scanInterval,
                              @ConfigProperty(name = "emporium.notifications.sender.min-backoff") Duration minBackoff,
                              @ConfigProperty(name = "emporium.notifications.sender.max-backoff") Duration maxBackoff) {
        this.notifications = notifications;
        this.mailer = mailer;
        this.scheduler = scheduler;
        this.jobs = jobs;
        this.scanInterval = scanInterval;
        this.backoff = new RetryBackoff(minBackoff, maxBackoff);
        this.smtpOutage = new OutageLog(LOG, "sending mail through " + mailer.server(), RETRIED);
        this.sent = Counter.builder("emporium.notifications.sent")
                .description("emails the SMTP server accepted").register(registry);
        this.failedAttempts = Counter.builder("emporium.notifications.send.failures")
                .description("failed attempts to send an email, each retried later unless refused for good")
                .register(registry);
        Gauge.builder("emporium.notifications.pending", pending, AtomicLong::get)
                .description("notifications waiting to be sent").register(registry);
    }

    /** Something new is pending: look at the next tick rather than at the next scan. */
    public void wake() {
        woken.set(true);
    }

    /** For the liveness check: the job is scheduled until shutdown. */
    public boolean running() {
        return scheduler.isRunning() && !jobs.stopping();
    }

    // each second, quarkus-scheduler's finest step: the round runs when it is due or was woken
    @Scheduled(identity = "notification-sender", every = "1s",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    void tick() {
        // a wake during an outage's backoff is dropped: the outage is not hammered once per new event
        if ((woken.getAndSet(false) && wakeable) || System.nanoTime() - nextRoundAt >= 0) {
            jobs.round(this::sendNow);
        }
    }

    /** One round: sends every due notification, then decides when the next round is due. */
    public void sendNow() {
        Duration wait;
        boolean wakeAllowed = true;
        try {
            boolean smtpDown = sendDue();
            pending.set(notifications.countPending());
            if (smtpDown) {
                // an outage: wait out the backoff, whatever arrives meanwhile
                wait = backoff.after(smtpOutage.failures());
                wakeAllowed = false;
            } else {
                wait = notifications.untilNextDue().filter(d -> d.compareTo(scanInterval) < 0).orElse(scanInterval);
            }
            databaseOutage.recovered();
        } catch (RuntimeException e) {
            databaseOutage.failed(e.toString());
            wait = backoff.after(databaseOutage.failures());
            wakeAllowed = false;
        }
        wakeable = wakeAllowed;
        nextRoundAt = System.nanoTime() + wait.toNanos();
    }

    /** Sends every due notification, one transaction each; true when SMTP failed and the round ended. */
    private boolean sendDue() {
        try {
            while (!jobs.stopping()) {
                boolean[] smtpDown = {false};
                boolean found = notifications.withNextDue((due, outcome) -> smtpDown[0] = !sendOne(due, outcome));
                if (!found) {
                    return false;
                }
                if (smtpDown[0]) {
                    return true;
                }
            }
            return false;
        } finally {
            disconnect();
        }
    }

    /** Sends one notification and records the outcome; false when the SMTP server could not be used. */
    private boolean sendOne(Due due, Outcome outcome) {
        Span span = Tracing.resume("send email", due.traceparent());
        try (Scope ignored = Tracing.activate(span)) {
            return deliver(due, outcome);
        } finally {
            span.end();
        }
    }

    private boolean deliver(Due due, Outcome outcome) {
        try {
            boolean idle = System.nanoTime() - transportUsedAt > IDLE_CHECK_NANOS;
            if (transport == null || (idle && !transport.isConnected())) {
                disconnect();
                transport = mailer.connect();
            }
            String messageId = mailer.send(transport, due.eventId(), due.recipient(), due.message());
            transportUsedAt = System.nanoTime();
            // the server has the message; the commit that follows marks it SENT (see README: the
            // one window where a crash before that commit sends it again)
            outcome.sent(messageId);
            sent.increment();
            LOG.infof("sent notification %s (message %s)", due.eventId(), messageId); // no address: logs keep no personal data
            smtpOutage.recovered();
            return true;
        } catch (MessagingException e) {
            failedAttempts.increment();
            String error = describe(e);
            if (SmtpMailer.permanent(e)) {
                LOG.warnf("the SMTP server refused the notification %s to %s for good: %s", due.eventId(),
                        due.recipient(), error);
                outcome.failed(error);
                return true;
            }
            smtpOutage.failed(error);
            outcome.retryAfter(backoff.after(due.attempts() + 1), error);
            disconnect();
            return false;
        }
    }

    private void disconnect() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                // the connection is gone either way
            }
            transport = null;
        }
    }

    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause != e) {
            text.append(" (").append(cause).append(')');
        }
        return text.toString();
    }
}
