package org.emporium.storefront.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class BehaviourEventsTest {

    private static final String TOPIC = "storefront.behaviour.v1";
    private static final String SHOPPER = "shopper-0123456789";
    private static final String CART = "0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a11";
    private static final Instant AT = Instant.parse("2026-11-23T06:00:00.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aViewIsOneCloudEventKeyedByTheShopper() throws Exception {
        MockProducer<String, String> producer = producer(true);

        events(producer).productViewed(SHOPPER, CART, "AUD-000001", BehaviourEvents.WEB);

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.key()).isEqualTo(SHOPPER);
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("id").asText()).hasSize(36);
            assertThat(event.path("source").asText()).isEqualTo("/emporium/storefront");
            assertThat(event.path("type").asText()).isEqualTo("emporium.storefront.ProductViewed");
            assertThat(event.path("subject").asText()).isEqualTo(SHOPPER);
            assertThat(event.path("time").asText()).isEqualTo("2026-11-23T06:00:00.123Z");
            assertThat(event.path("datacontenttype").asText()).isEqualTo("application/json");
            JsonNode data = event.path("data");
            assertThat(data.path("shopperId").asText()).isEqualTo(SHOPPER);
            assertThat(data.path("cartId").asText()).isEqualTo(CART);
            assertThat(data.path("sku").asText()).isEqualTo("AUD-000001");
            assertThat(data.path("channel").asText()).isEqualTo("web");
            assertThat(data.path("viewedAt").asText()).isEqualTo("2026-11-23T06:00:00.123Z");
            assertThat(data.size()).isEqualTo(5);
        });
        assertThat(registry.counter("storefront.behaviour.published").count()).isEqualTo(1);
    }

    @Test
    void aCartCookieThatIsNoCartServiceIdIsWrittenAsNull() throws Exception {
        MockProducer<String, String> producer = producer(true);

        events(producer).productViewed(SHOPPER, "not-a-uuid-but-id-shaped", "AUD-000001", BehaviourEvents.MOBILE);
        events(producer).productViewed(SHOPPER, null, "AUD-000001", BehaviourEvents.MOBILE);

        assertThat(producer.history()).hasSize(2).allSatisfy(record -> {
            JsonNode data = JSON.readTree(record.value()).path("data");
            assertThat(data.has("cartId")).isTrue();
            assertThat(data.path("cartId").isNull()).isTrue();
            assertThat(data.path("channel").asText()).isEqualTo("mobile");
        });
    }

    @Test
    void noShopperOrNoProducerMeansNoEvent() {
        MockProducer<String, String> producer = producer(true);

        events(producer).productViewed(null, CART, "AUD-000001", BehaviourEvents.WEB);
        events(producer).productViewed("bad id!", CART, "AUD-000001", BehaviourEvents.WEB);
        assertThatCode(() -> events(null).productViewed(SHOPPER, CART, "AUD-000001", BehaviourEvents.WEB))
                .doesNotThrowAnyException();

        assertThat(producer.history()).isEmpty();
    }

    @Test
    void aFailedDeliveryIsCountedNeverThrown() {
        MockProducer<String, String> producer = producer(false);
        BehaviourEvents events = events(producer);

        events.productViewed(SHOPPER, CART, "AUD-000001", BehaviourEvents.WEB);
        producer.errorNext(new TimeoutException("Kafka away"));

        assertThat(registry.counter("storefront.behaviour.failures").count()).isEqualTo(1);
    }

    @Test
    void aSendThatThrowsAtOnceIsCountedNeverThrown() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
                throw new TimeoutException("Topic " + TOPIC + " not present in metadata after 0 ms.");
            }
        };
        BehaviourEvents events = events(producer);

        assertThatCode(() -> {
            for (int i = 0; i < 100; i++) {
                events.productViewed(SHOPPER, CART, "AUD-000001", BehaviourEvents.WEB);
            }
        }).doesNotThrowAnyException();

        assertThat(registry.counter("storefront.behaviour.failures").count()).isEqualTo(100);
    }

    private static MockProducer<String, String> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new StringSerializer());
    }

    private BehaviourEvents events(MockProducer<String, String> producer) {
        return new BehaviourEvents(producer, TOPIC, Clock.fixed(AT, ZoneOffset.UTC), registry,
                new ThrottledLog(Logger.getLogger(BehaviourEventsTest.class), Duration.ofMinutes(1), System::nanoTime));
    }
}
