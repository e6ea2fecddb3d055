package org.emporium.payments.messaging;

import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.payments.domain.PaymentRefused;
import org.emporium.payments.processing.Payments;
import org.emporium.platform.messaging.ConsumerLoop;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.jboss.logging.Logger;

/**
 * Applies the checkout saga's commands in consumer group {@code payments} (instances share the
 * partitions), through the platform's {@link ConsumerLoop}, a poll at a time. The reply to a
 * command is the event its state change causes on payments.payment.v1, written by the same
 * transaction as the change, in the trace of that command.
 *
 * <p>An authorization returns to the loop as soon as the payment is recorded AUTHORIZING: once
 * the batch has committed, the provider is asked on a virtual thread of its own, so a slow card
 * blocks no other payment. Offsets are committed after the batch, so a crash redelivers; every
 * operation is idempotent by payment id, and a repeat changes nothing and publishes nothing. A
 * command the service refuses (malformed, unknown payment, a state that does not allow it) is
 * logged and skipped, and the others apply; a failure of the database or the provider rolls the
 * batch back and the loop retries the whole poll after a backoff, so the commands of one payment
 * are never applied out of order.
 */
@ApplicationScoped
public class PaymentCommandConsumer {

    private static final Logger LOG = Logger.getLogger(PaymentCommandConsumer.class);

    private final Payments payments;
    private final boolean enabled;
    private final String topic;
    private final int partitions;
    private final String bootstrapServers;
    private final Duration maxTransaction;
    private ConsumerLoop loop;

    public PaymentCommandConsumer(Payments payments,
                                  @ConfigProperty(name = "emporium.payments.commands.enabled") boolean enabled,
                                  @ConfigProperty(name = "emporium.payments.commands.topic") String topic,
                                  @ConfigProperty(name = "emporium.payments.commands.partitions") int partitions,
                                  @ConfigProperty(name = "emporium.payments.commands.max-transaction") Duration maxTransaction,
                                  @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers) {
        this.payments = payments;
        this.enabled = enabled;
        this.topic = topic;
        this.partitions = partitions;
        this.maxTransaction = maxTransaction;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        if (enabled) {
            loop = ConsumerLoop.startBatched(new ConsumerLoop.Settings("payments-commands", bootstrapServers, "payments",
                    List.of(topic + ":" + partitions), 100), this::applyAll);
        }
    }

    /** Stops taking commands before the authorization worker stops. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    /**
     * A poll's commands in their order, in one transaction: one commit for all instead of one per
     * command (and one more per authorization). A transaction that has run for
     * {@code max-transaction} — a slow provider: capture, void and refund call it inside — commits
     * after the command in hand, and the rest of the poll goes on in a new one, so replies are not
     * held back for a whole poll of slow calls. If a later transaction fails, the loop retries the
     * whole poll: what committed already is found done and publishes nothing again.
     */
    private void applyAll(List<Envelope> events) {
        List<Envelope> sources = new ArrayList<>(events.size());
        List<PaymentCommand> commands = new ArrayList<>(events.size());
        for (Envelope event : events) {
            try {
                commands.add(PaymentCommand.of(event));
                sources.add(event);
            } catch (MalformedEvent e) {
                skip(event, e.getMessage());
            }
        }
        int done = 0;
        while (done < commands.size()) {
            int from = done;
            long until = System.nanoTime() + maxTransaction.toNanos();
            Set<UUID> ids = new HashSet<>();
            commands.subList(from, commands.size()).forEach(c -> ids.add(c.paymentId()));
            done = payments.batch(ids, batch -> {
                int next = from;
                do {
                    apply(batch, sources.get(next), commands.get(next));
                    next++;
                } while (next < commands.size() && System.nanoTime() - until < 0);
                return next;
            });
        }
    }

    /** One command in its own trace: its reply, its log lines and the worker it starts continue it. */
    private static void apply(Payments.Batch batch, Envelope source, PaymentCommand command) {
        try (Scope ignored = source.activate()) {
            try {
                switch (command) {
                    case PaymentCommand.AuthorizePayment a -> batch.authorize(a.paymentId(), a.orderId(), a.amount(),
                            a.cardToken(), a.last4(), a.brand());
                    case PaymentCommand.CapturePayment c -> batch.capture(c.paymentId());
                    case PaymentCommand.VoidPayment v -> batch.voidPayment(v.paymentId());
                    case PaymentCommand.RefundPayment r -> batch.refund(r.paymentId());
                }
            } catch (PaymentRefused e) {
                // it changed nothing (refusals come before any write): the rest of the batch applies
                skip(source, e.getMessage());
            }
        }
    }

    private static void skip(Envelope event, String reason) {
        LOG.warnf("payments-commands: skipping %s: %s", event.where(), reason);
    }
}
