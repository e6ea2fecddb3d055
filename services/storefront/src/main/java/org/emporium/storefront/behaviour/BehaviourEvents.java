package org.emporium.storefront.behaviour;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes {@code ProductViewed} to Kafka, best effort: a lost view is acceptable, a page held up
 * for one is not. A send is handed to the producer's buffer and never awaited; the producer never
 * blocks the caller ({@code max.block.ms=0}, see {@link BehaviourProducer}), so while Kafka is
 * away, or before the topic exists, a view fails at once. Failures are counted
 * ({@code storefront.behaviour.failures}) and logged at most once a minute; nothing ever reaches
 * the page. Started with the application so the producer has fetched the topic's metadata before
 * the first view; if the producer can't even be created, the storefront runs without events.
 */
@Startup
@ApplicationScoped
public class BehaviourEvents {

    public static final String WEB = "web";
    public static final String MOBILE = "mobile";

    private static final Logger LOG = Logger.getLogger(BehaviourEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Producer<String, String> producer;
    private final String topic;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final ThrottledLog failureLog;

    @Inject
    BehaviourEvents(@ConfigProperty(name = "storefront.behaviour.enabled", defaultValue = "true") boolean enabled,
                    @ConfigProperty(name = "storefront.behaviour.topic", defaultValue = "storefront.behaviour.v1") String topic,
                    @ConfigProperty(name = "emporium.kafka.bootstrap-servers") String bootstrapServers,
                    MeterRegistry registry) {
        this(enabled ? BehaviourProducer.create(bootstrapServers, topic) : null, topic, Clock.systemUTC(), registry,
                new ThrottledLog(LOG, Duration.ofMinutes(1), System::nanoTime));
        if (!enabled) {
            LOG.info("behaviour events are turned off (storefront.behaviour.enabled=false)");
        }
    }

    BehaviourEvents(Producer<String, String> producer, String topic, Clock clock, MeterRegistry registry, ThrottledLog failureLog) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
        this.published = Counter.builder("storefront.behaviour.published")
                .description("ProductViewed events Kafka acknowledged").register(registry);
        this.failures = Counter.builder("storefront.behaviour.failures")
                .description("ProductViewed events lost: Kafka away, topic missing, buffer full").register(registry);
        this.failureLog = failureLog;
    }

    /**
     * Publishes that {@code shopperId} viewed {@code sku} on {@code channel} ({@link #WEB} or
     * {@link #MOBILE}), keyed by the shopper id. Returns at once and never throws.
     */
    public void productViewed(String shopperId, String cartId, String sku, String channel) {
        if (producer == null || !ShopperIds.isValid(shopperId)) {
            return;
        }
        try {
            String event = JSON.writeValueAsString(ProductViewed.of(shopperId, cartId, sku, channel, clock.instant()));
            producer.send(new ProducerRecord<>(topic, shopperId, event), (metadata, failure) -> {
                if (failure == null) {
                    published.increment();
                } else {
                    failed(failure);
                }
            });
        } catch (JsonProcessingException | RuntimeException e) {
            // max.block.ms=0: no metadata for the topic yet, or the buffer is full; the view is lost
            failed(e);
        }
    }

    private void failed(Throwable failure) {
        failures.increment();
        failureLog.warn("a ProductViewed event was lost (best effort; counted in storefront.behaviour.failures)", failure);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            // whatever is still buffered gets a second to go out; a stop never waits on Kafka longer
            producer.close(Duration.ofSeconds(1));
        }
    }
}
