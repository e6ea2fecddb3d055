package org.emporium.orders.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.orders.persistence.OrderRepository;
import org.emporium.platform.outbox.ConsumerLoop;

/**
 * Feeds the participants' events to the saga, in consumer group {@code orders} (instances share
 * the partitions). A reply is applied in one transaction with what it causes; offsets are
 * committed after, so a crash redelivers, which is harmless: a reply that does not fit the
 * order's current step changes nothing. Events about reservations and payments that are no
 * order's (made through the REST APIs) find no order and are dropped.
 */
@ApplicationScoped
public class SagaReplyConsumer {

    private final OrderRepository orders;
    private final SagaReplies replies;
    private final boolean enabled;
    private final List<String> topics;
    private final String bootstrapServers;
    private ConsumerLoop loop;

    SagaReplyConsumer(OrderRepository orders, ObjectMapper json,
                      @ConfigProperty(name = "emporium.orders.replies.enabled") boolean enabled,
                      @ConfigProperty(name = "emporium.orders.replies.topics") List<String> topics,
                      @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers) {
        this.orders = orders;
        this.replies = new SagaReplies(json);
        this.enabled = enabled;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes @Priority(30) StartupEvent event) {
        if (enabled) {
            loop = ConsumerLoop.start(new ConsumerLoop.Settings("orders-replies", bootstrapServers, "orders", topics,
                    200), this::apply);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Optional<SagaReplies.Addressed> reply;
        try {
            reply = replies.read(record.value());
        } catch (SagaReplies.Unreadable e) {
            throw new ConsumerLoop.Refused(e.getMessage());
        }
        reply.ifPresent(r -> orders.apply(r.orderId(), r.reply()));
    }
}
