package org.emporium.notifications.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.notifications.mail.NotificationSender;
import org.emporium.notifications.message.Kind;
import org.emporium.notifications.message.MessageTemplates;
import org.emporium.notifications.persistence.NotificationRepository;
import org.emporium.platform.messaging.ConsumerLoop;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.jboss.logging.Logger;

/**
 * Turns the orders' events into notifications, in consumer group {@code notifications} (instances
 * share the partitions), through the platform's {@link ConsumerLoop}. Handling an event only
 * renders its email and inserts it, keyed by the event id, and commits: nothing is sent here.
 * A redelivered event (the loop is at least once) inserts nothing, so it is never mailed twice;
 * the {@link NotificationSender} sends what was inserted. A malformed event or an unknown type is
 * refused (logged and skipped); a database failure is retried from the same record.
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
            loop = ConsumerLoop.start(new ConsumerLoop.Settings("notifications-orders", bootstrapServers,
                    "notifications", List.of(topic), 100), this::apply);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    void apply(Envelope record) throws MalformedEvent {
        OrderEvent event = OrderEvent.of(record);
        boolean inserted = switch (event) {
            case OrderEvent.Confirmed c -> notifications.insert(c.eventId(), c.order().orderId(),
                    Kind.ORDER_CONFIRMED, c.order().email(), templates.confirmation(c.order()));
            case OrderEvent.Cancelled c -> notifications.insert(c.eventId(), c.order().orderId(),
                    Kind.ORDER_CANCELLED, c.order().email(), templates.cancellation(c.order()));
            case OrderEvent.Ignored i -> false;
        };
        if (inserted) {
            sender.wake();
        } else if (!(event instanceof OrderEvent.Ignored)) {
            LOG.debugf("event %s was handled before; nothing to do", event.eventId());
        }
    }
}
