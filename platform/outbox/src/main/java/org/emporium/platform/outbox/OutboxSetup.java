package org.emporium.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the outbox into a Quarkus service: the {@link Outbox} bean for writers, the schema
 * migrated at start-up (after the service's own, priority 1; before seeders), and the relay
 * running from start to shutdown. Topics the service owns are listed in
 * {@code emporium.outbox.topics}.
 */
@ApplicationScoped
public class OutboxSetup {

    private final String service;
    private final OutboxRelay.Settings settings;
    private final boolean enabled;
    private OutboxRelay relay;

    OutboxSetup(@ConfigProperty(name = "quarkus.application.name") String service,
                @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers,
                @ConfigProperty(name = "emporium.outbox.enabled") boolean enabled,
                @ConfigProperty(name = "emporium.outbox.topics", defaultValue = " ") List<String> topics,
                @ConfigProperty(name = "emporium.outbox.batch-size") int batchSize,
                @ConfigProperty(name = "emporium.outbox.idle-wait") Duration idleWait,
                @ConfigProperty(name = "emporium.outbox.delete-delay") Duration deleteDelay,
                @ConfigProperty(name = "emporium.outbox.min-backoff") Duration minBackoff,
                @ConfigProperty(name = "emporium.outbox.max-backoff") Duration maxBackoff) {
        this.service = service;
        this.enabled = enabled;
        this.settings = new OutboxRelay.Settings(service, bootstrapServers, topics, batchSize, idleWait,
                deleteDelay, minBackoff, maxBackoff);
    }

    @Produces
    @ApplicationScoped
    Outbox outbox(ObjectMapper json) {
        return new Outbox(json, service, Clock.systemUTC());
    }

    void start(@Observes @Priority(2) StartupEvent event, DataSource dataSource, Instance<MeterRegistry> registry) {
        OutboxSchema.migrate(dataSource);
        if (!enabled) {
            return;
        }
        relay = new OutboxRelay(dataSource, settings);
        relay.start();
        if (registry.isResolvable()) {
            FunctionCounter.builder("emporium.outbox.published", relay, OutboxRelay::published)
                    .description("events the outbox relay has published to Kafka").register(registry.get());
            FunctionCounter.builder("emporium.outbox.failures", relay, OutboxRelay::failures)
                    .description("failed relay attempts, each followed by a backoff").register(registry.get());
            new OutboxBacklog(dataSource).register(registry.get());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
    }
}
