package org.emporium.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.Fixtures.reservation;
import static org.emporium.inventory.Fixtures.stockedSku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Inventory's events on a real Kafka: every operation publishes exactly the expected events, in
 * order per key, each valid against its schema under contracts/events; the saga's commands over
 * Kafka do what the REST API does, and sending one twice changes nothing more.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "inventory"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class InventoryEventsIT {

    private static final String EVENTS = "inventory.stock.v1";
    private static final String COMMANDS = "inventory.commands.v1";
    private static final String TYPE = "emporium.inventory.";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void everyOperationPublishesExactlyItsEventsInOrderPerKeyAndValidAgainstTheSchemas() throws Exception {
        String sku = stockedSku(5);
        String reservation = UUID.randomUUID().toString();
        String body = reservation(UUID.fromString(reservation), sku, 2);
        given().contentType(ContentType.JSON).body(body).post("/api/inventory/reservations").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/inventory/reservations").then().statusCode(201);
        given().post("/api/inventory/reservations/" + reservation + "/commit").then().statusCode(200);
        given().post("/api/inventory/reservations/" + reservation + "/commit").then().statusCode(200);
        String rejected = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(reservation(UUID.fromString(rejected), sku, 4))
                .post("/api/inventory/reservations").then().statusCode(422);
        String released = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(reservation(UUID.fromString(released), sku, 1))
                .post("/api/inventory/reservations").then().statusCode(201);
        given().post("/api/inventory/reservations/" + released + "/release").then().statusCode(200);
        given().post("/api/inventory/reservations/" + released + "/release").then().statusCode(200);

        Map<String, List<JsonNode>> byKey = allEventsOnceTheOutboxIsEmpty();

        assertThat(types(byKey.get(reservation))).containsExactly("StockReserved", "StockCommitted");
        assertThat(types(byKey.get(rejected))).containsExactly("StockReservationRejected");
        assertThat(byKey.get(rejected).get(0).at("/data/shortages/0/available").asInt()).isEqualTo(3);
        assertThat(types(byKey.get(released))).containsExactly("StockReserved", "StockReleased");
        assertThat(byKey.get(released).get(1).at("/data/reason").asText()).isEqualTo("RELEASED");
        // set 5; reserve 2; commit 2; reserve 1; release 1 — the rejection changed nothing
        List<JsonNode> levels = byKey.get(sku);
        assertThat(types(levels)).containsOnly("StockLevelChanged");
        assertThat(levels).extracting(e -> e.at("/data/version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(levels).extracting(e -> e.at("/data/available").asInt()).containsExactly(5, 3, 3, 2, 3);
        assertThat(levels).extracting(e -> e.at("/data/onHand").asInt()).containsExactly(5, 5, 3, 3, 3);
    }

    @Test
    void commandsOverKafkaDoWhatTheApiDoesAndRepeatsChangeNothing() throws Exception {
        String sku = stockedSku(3);
        String kept = UUID.randomUUID().toString();
        String compensated = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        List<String[]> commands = List.of(
                command(kept, "ReserveStock", "{\"reservationId\":\"" + kept + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}"),
                command(kept, "ReserveStock", "{\"reservationId\":\"" + kept + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}"),
                command(kept, "CommitReservation", "{\"reservationId\":\"" + kept + "\"}"),
                command(kept, "CommitReservation", "{\"reservationId\":\"" + kept + "\"}"),
                command(compensated, "ReserveStock", "{\"reservationId\":\"" + compensated + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}"),
                command(compensated, "ReleaseReservation", "{\"reservationId\":\"" + compensated + "\"}"),
                command(compensated, "ReleaseReservation", "{\"reservationId\":\"" + compensated + "\"}"),
                command(refused, "ReserveStock", "{\"reservationId\":\"" + refused + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}"),
                new String[] {refused, "this is no command"});
        for (String[] c : commands.subList(0, commands.size() - 1)) {
            String type = JSON.readTree(c[1]).path("type").asText().substring(TYPE.length());
            assertThat(schema("inventory." + type + ".json").validate(JSON.readTree(c[1]))).as(c[1]).isEmpty();
        }
        send(commands);

        awaitCommandsConsumed();
        Map<String, List<JsonNode>> byKey = allEventsOnceTheOutboxIsEmpty();

        assertThat(types(byKey.get(kept))).containsExactly("StockReserved", "StockCommitted");
        assertThat(types(byKey.get(compensated))).containsExactly("StockReserved", "StockReleased");
        assertThat(types(byKey.get(refused))).containsExactly("StockReservationRejected");
        given().get("/api/inventory/" + sku).then().statusCode(200)
                .body("available", org.hamcrest.Matchers.equalTo(1)).body("reserved", org.hamcrest.Matchers.equalTo(0));
        given().get("/api/inventory/reservations/" + kept).then().body("status", org.hamcrest.Matchers.equalTo("COMMITTED"));
    }

    /** Every event on the topic, by key, in topic order, each checked against its schema. */
    private Map<String, List<JsonNode>> allEventsOnceTheOutboxIsEmpty() throws Exception {
        Fixtures.await("the outbox relay publishes everything", DEADLINE, () -> outboxRows() == 0);
        Map<String, JsonSchema> schemas = new HashMap<>();
        Map<String, List<JsonNode>> byKey = new HashMap<>();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(EVENTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
                assertThat(System.nanoTime()).as("reading %s to its end", EVENTS).isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(record.value());
                    String type = event.path("type").asText();
                    assertThat(type).startsWith(TYPE);
                    JsonSchema schema = schemas.computeIfAbsent(type, t -> schema("inventory." + t.substring(TYPE.length()) + ".json"));
                    assertThat(schema.validate(event)).as("schema errors of %s", event).isEmpty();
                    assertThat(record.key()).isEqualTo(event.path("subject").asText());
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
                }
            }
        }
        return byKey;
    }

    private void awaitCommandsConsumed() {
        try (Admin admin = KafkaTestResource.kafka().admin();
             KafkaConsumer<String, String> probe = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     KafkaTestResource.kafka().bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = probe.partitionsFor(COMMANDS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(COMMANDS, p.partition())).toList();
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions);
            Fixtures.await("the inventory group consumes every command", DEADLINE, () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("inventory")
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                            || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private static String[] command(String reservationId, String type, String data) {
        return new String[] {reservationId, """
                {"specversion":"1.0","id":"%s","source":"/emporium/orders","type":"%s%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), TYPE, type, reservationId, OffsetDateTime.now(), data)};
    }

    private static void send(List<String[]> commands) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            // the topic is the consumer's: wait until inventory has created it
            Fixtures.await("inventory creates " + COMMANDS, DEADLINE,
                    () -> !producer.partitionsFor(COMMANDS).isEmpty());
            for (String[] c : commands) {
                producer.send(new ProducerRecord<>(COMMANDS, c[0], c[1])).get(10, TimeUnit.SECONDS);
            }
        }
    }

    private long outboxRows() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> types(List<JsonNode> events) {
        assertThat(events).as("events of a key").isNotNull();
        return events.stream().map(e -> e.path("type").asText().substring(TYPE.length())).toList();
    }

    private static JsonSchema schema(String file) {
        Path path = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"), "events", file);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(path)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("no schema " + path, e);
        }
    }
}
