package org.emporium.recommendations.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.recommendations.ContractEvents;
import org.emporium.recommendations.domain.Event;
import org.emporium.recommendations.domain.Product;
import org.emporium.recommendations.domain.ShopperSimulator;
import org.emporium.recommendations.domain.TestCatalog;
import org.junit.jupiter.api.Test;

/** The seeded history as the producers publish it: their schemas, keys and times; the model reads back what was simulated. */
class SeedEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "recommendations.seed.v1";

    @Test
    void everySimulatedEventIsItsProducersEventMarkedAsSeeded() throws IOException, MalformedEvent {
        List<Product> catalog = TestCatalog.products();
        long start = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
        List<Event> history = new ShopperSimulator(catalog, 1).simulate(
                ShopperSimulator.Settings.of(60, HistorySeeder.SHOPPER_PREFIX, start, Duration.ofDays(28)));
        SeedEvents seed = new SeedEvents(TOPIC, catalog, history);
        Map<String, Integer> types = new TreeMap<>();
        List<Event> readBack = new ArrayList<>();
        for (Event event : history) {
            ProducerRecord<String, byte[]> record = seed.record(event);
            assertThat(ContractEvents.validate(record.value())).as("%s", new String(record.value(), StandardCharsets.UTF_8))
                    .isEmpty();
            JsonNode json = JSON.readTree(record.value());
            String type = json.path("type").asText();
            types.merge(type, 1, Integer::sum);
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.key()).as("keyed by the subject, as its producer keys it").isEqualTo(json.path("subject").asText());
            assertThat(record.timestamp()).isEqualTo(event.time());
            assertThat(Instant.parse(json.path("time").asText()).toEpochMilli()).isEqualTo(event.time());
            assertThat(new String(record.headers().lastHeader(SeedEvents.HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo(SeedEvents.VERSION);
            assertThat(record.headers().lastHeader("content-type")).isNotNull();
            if (json.at("/data/email").isTextual()) {
                assertThat(json.at("/data/email").asText()).matches("seed-[0-9]{6}@example\\.com");
            }
            readBack.add(EventParser.parse(Envelope.of(new ConsumerRecord<>(TOPIC, 0, readBack.size(), record.key(),
                    record.value()))).event());
        }
        assertThat(types).containsOnlyKeys("emporium.storefront.ProductViewed", "emporium.cart.ItemAddedToCart",
                "emporium.cart.CartCleared", "emporium.orders.OrderPlaced", "emporium.orders.OrderConfirmed");
        // what the model reads is what was simulated, but for the events' ids (new CloudEvent ids)
        for (int i = 0; i < history.size(); i++) {
            assertThat(withoutId(readBack.get(i))).isEqualTo(withoutId(history.get(i)));
        }
    }

    @Test
    void cartVersionsGrowByOneAndOrdersCarryTheCatalogsNamesAndPrices() throws IOException {
        Product kettle = new Product("KIT-000001", "Kettle", "Brasswick", "kitchen", "24.99", "USD", null);
        Product grinder = new Product("KIT-000002", "Grinder", "Brasswick", "kitchen", "50.00", "USD", null);
        String cart = "6f1c1a52-3a8e-4d0e-9a57-0c8b1f3f9d11";
        String order = "0b9d5a8e-8d3b-4f47-a6f4-8a8f3f1f2b22";
        List<Event> history = List.of(new Event.ProductViewed("1", 1000, "seed-000001", cart, kettle.sku()),
                new Event.ItemAdded("2", 2000, cart, kettle.sku()), new Event.ItemAdded("3", 3000, cart, kettle.sku()),
                new Event.ItemAdded("4", 4000, cart, grinder.sku()), new Event.OrderPlaced("5", 5000, order, cart),
                new Event.OrderConfirmed("6", 6000, order, List.of(kettle.sku(), grinder.sku())),
                new Event.CartCleared("7", 6000, cart));
        SeedEvents seed = new SeedEvents(TOPIC, List.of(kettle, grinder), history);
        List<JsonNode> events = new ArrayList<>();
        for (Event e : history) {
            byte[] value = seed.record(e).value();
            assertThat(ContractEvents.validate(value)).isEmpty();
            events.add(JSON.readTree(value).path("data"));
        }
        assertThat(events.get(1).path("version").asLong()).isEqualTo(1);
        assertThat(events.get(2).path("lineQuantity").asInt()).isEqualTo(2);
        assertThat(events.get(3).path("version").asLong()).isEqualTo(3);
        assertThat(events.get(6).path("version").asLong()).isEqualTo(4);
        for (JsonNode placedOrConfirmed : List.of(events.get(4), events.get(5))) {
            assertThat(placedOrConfirmed.at("/lines/0/name").asText()).isEqualTo("Kettle");
            assertThat(placedOrConfirmed.at("/lines/0/quantity").asInt()).isEqualTo(2);
            assertThat(placedOrConfirmed.at("/lines/0/lineTotal/amount").asText()).isEqualTo("49.98");
            assertThat(placedOrConfirmed.at("/total/amount").asText()).isEqualTo("99.98");
            assertThat(placedOrConfirmed.path("email").asText()).isEqualTo("seed-000001@example.com");
        }
        assertThat(events.get(4).path("cartId").asText()).isEqualTo(cart);
        assertThat(events.get(5).path("last4").asText()).isEqualTo("4242");
    }

    private static Object withoutId(Event e) {
        return switch (e) {
            case Event.ProductViewed v -> List.of(v.time(), v.shopperId(), v.cartId(), v.sku());
            case Event.ItemAdded a -> List.of(a.time(), a.cartId(), a.sku());
            case Event.OrderPlaced p -> List.of(p.time(), p.orderId(), p.cartId());
            case Event.OrderConfirmed o -> List.of(o.time(), o.orderId(), o.skus());
            case Event.CartCleared c -> List.of(c.time(), c.cartId());
            default -> e;
        };
    }
}
