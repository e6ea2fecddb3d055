package org.emporium.notifications.messaging;

import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.notifications.mail.NotificationSender;
import org.emporium.notifications.message.Kind;
import org.emporium.notifications.message.MessageTemplates;
import org.emporium.notifications.persistence.NotificationRepository;
import org.emporium.notifications.persistence.NotificationRepository.NewNotification;
import org.emporium.platform.messaging.ConsumerLoop;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.platform.messaging.Tracing;
import org.jboss.logging.Logger;

/**
 * Turns the orders' events into notifications, in consumer group {@code notifications} (instances
 * share the partitions), through the platform's {@link ConsumerLoop}, a poll at a time. Handling a
 * poll renders the email of each event and inserts them all, keyed by the event id, in one
 * transaction: nothing is sent here. A redelivered event (the loop is at least once) inserts
 * nothing, so it is never mailed twice; the {@link NotificationSender} sends what was inserted. A
 * malformed event or an unknown type is refused (logged and skipped) and the rest of the poll is
 * stored; a database failure stores none of it, and the loop retries the whole poll.
 */
@ApplicationScoped
public class OrderEventConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventConsumer.class);

    private final NotificationRepository notifications;
    private final NotificationSender sender;
    private final MessageTemplates templates;
    private final boolean enabled;
    private final String topic;
    private final String bootstrapServers;
    private ConsumerLoop loop;

    public OrderEventConsumer(NotificationRepository notifications, NotificationSender sender,
                              @ConfigProperty(name = "emporium.notifications.shop-url") String shopUrl,
                              @ConfigProperty(name = "emporium.notifications.consumer.enabled") boolean enabled,
                              @ConfigProperty(name = "emporium.notifications.topic") String topic,
                              @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers) {
        this.notifications = notifications;
        this.sender = sender;
        this.templates = new MessageTemplates(shopUrl);
        this.enabled = enabled;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        if (enabled) {
            loop = ConsumerLoop.startBatched(new ConsumerLoop.Settings("notifications-orders", bootstrapServers,
                    "notifications", List.of(topic), 100), this::applyAll);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    /**
     * A poll's events: one transaction and one commit for all their rows instead of one each. The
     * offsets are committed after it, so a crash before the commit redelivers the poll and stores
     * it then; a crash after it redelivers events whose rows exist, which insert nothing.
     */
    void applyAll(List<Envelope> records) {
        List<NewNotification> received = new ArrayList<>(records.size());
        for (Envelope record : records) {
            // in the event's own trace: its row keeps that trace, and sending the email continues it
            try (Scope ignored = record.activate()) {
                notification(OrderEvent.of(record)).ifPresent(received::add);
            } catch (MalformedEvent e) {
                LOG.warnf("notifications-orders: skipping %s: %s", record.where(), e.getMessage());
            }
        }
        if (received.isEmpty()) {
            return;
        }
        Set<UUID> stored = notifications.insertAll(received);
        if (!stored.isEmpty()) {
            sender.wake();
        }
        for (NewNotification n : received) {
            if (!stored.contains(n.eventId())) {
                LOG.debugf("event %s was handled before; nothing to do", n.eventId());
            }
        }
    }

    /** The email an event asks for, rendered, in the current trace; none for an event without one. */
    private Optional<NewNotification> notification(OrderEvent event) {
        String traceparent = Tracing.current().get("traceparent");
        return switch (event) {
            case OrderEvent.Confirmed c -> Optional.of(new NewNotification(c.eventId(), c.order().orderId(),
                    Kind.ORDER_CONFIRMED, c.order().email(), templates.confirmation(c.order()), traceparent));
            case OrderEvent.Cancelled c -> Optional.of(new NewNotification(c.eventId(), c.order().orderId(),
                    Kind.ORDER_CANCELLED, c.order().email(), templates.cancellation(c.order()), traceparent));
            case OrderEvent.Ignored i -> Optional.empty();
        };
    }
}
