package org.emporium.payments.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.payments.domain.PaymentRefused;
import org.emporium.payments.processing.Payments;
import org.emporium.platform.messaging.ConsumerLoop;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;

/**
 * Applies the checkout saga's commands in consumer group {@code payments} (instances share the
 * partitions), through the platform's {@link ConsumerLoop}. The reply to a command is the event
 * its state change causes on payments.payment.v1, written by the same transaction as the change.
 *
 * <p>An authorization returns to the loop as soon as the payment is recorded AUTHORIZING: the
 * provider is asked on a virtual thread of its own, so a slow card blocks no other payment.
 * Offsets are committed after the handler returns, so a crash redelivers; every operation is
 * idempotent by payment id, and a repeat changes nothing and publishes nothing. A command the
 * service refuses (malformed, unknown payment, a state that does not allow it) is logged and
 * skipped; a failure of the database or the provider is retried from the same record.
 */
@ApplicationScoped
public class PaymentCommandConsumer {

    private final Payments payments;
    private final boolean enabled;
    private final String topic;
    private final int partitions;
    private final String bootstrapServers;
    private ConsumerLoop loop;

    public PaymentCommandConsumer(Payments payments,
                                  @ConfigProperty(name = "emporium.payments.commands.enabled") boolean enabled,
                                  @ConfigProperty(name = "emporium.payments.commands.topic") String topic,
                                  @ConfigProperty(name = "emporium.payments.commands.partitions") int partitions,
                                  @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers) {
        this.payments = payments;
        this.enabled = enabled;
        this.topic = topic;
        this.partitions = partitions;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        if (enabled) {
            loop = ConsumerLoop.start(new ConsumerLoop.Settings("payments-commands", bootstrapServers, "payments",
                    List.of(topic + ":" + partitions), 100), this::apply);
        }
    }

    /** Stops taking commands before the authorization worker stops. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    private void apply(Envelope event) throws MalformedEvent {
        PaymentCommand command = PaymentCommand.of(event);
        try {
            switch (command) {
                case PaymentCommand.AuthorizePayment a -> payments.authorize(a.paymentId(), a.orderId(), a.amount(),
                        a.cardToken(), a.last4(), a.brand());
                case PaymentCommand.CapturePayment c -> payments.capture(c.paymentId());
                case PaymentCommand.VoidPayment v -> payments.voidPayment(v.paymentId());
                case PaymentCommand.RefundPayment r -> payments.refund(r.paymentId());
            }
        } catch (PaymentRefused e) {
            throw new ConsumerLoop.Refused(e.getMessage());
        }
    }
}
