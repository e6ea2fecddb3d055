package org.emporium.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.KafkaTestResource;

/**
 * What the integration tests share: tokenizing through the API, commands as the saga sends them
 * (each checked against its schema), the replies on the topic (each checked against its schema),
 * and polling with a deadline — never a fixed sleep.
 */
final class Fixtures {

    static final String PROBLEM = "application/problem+json";
    static final String EVENTS = "payments.payment.v1";
    static final String COMMANDS = "payments.commands.v1";
    static final String TYPE = "emporium.payments.";
    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    /** The simulator's test cards, as a shopper might type them. */
    static final String APPROVE = "4242 4242 4242 4242";
    static final String DECLINE = "4000 0000 0000 0002";
    static final String ERROR = "4000 0000 0000 0119";
    static final String SLOW = "4000 0000 0000 3220";
    static final String OTHER = "5555-5555-5555-4444";
    static final List<String> TEST_CARDS = List.of(APPROVE, DECLINE, ERROR, SLOW, OTHER);

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** A card tokenized through the API, as the orders service does at checkout. */
    record Card(String token, String last4, String brand) {
    }

    static Card tokenize(String number) {
        JsonPath body = given().contentType(ContentType.JSON)
                .body("{\"cardNumber\":\"" + number + "\",\"expiry\":\"12/35\",\"cvc\":\"123\"}")
                .post("/api/payments/cards").then().statusCode(201).extract().jsonPath();
        return new Card(body.getString("token"), body.getString("last4"), body.getString("brand"));
    }

    static String authorize(UUID paymentId, Card card, String amount) {
        return command(paymentId, "AuthorizePayment", """
                {"paymentId":"%s","orderId":"%s","amount":{"amount":"%s","currency":"EUR"},
                 "card":{"token":"%s","last4":"%s","brand":"%s"}}"""
                .formatted(paymentId, paymentId, amount, card.token(), card.last4(), card.brand()));
    }

    static String capture(UUID paymentId) {
        return command(paymentId, "CapturePayment", "{\"paymentId\":\"" + paymentId + "\"}");
    }

    static String voidPayment(UUID paymentId) {
        return command(paymentId, "VoidPayment", "{\"paymentId\":\"" + paymentId + "\"}");
    }

    static String refund(UUID paymentId) {
        return command(paymentId, "RefundPayment", "{\"paymentId\":\"" + paymentId + "\"}");
    }

    /** A command as the saga sends it, valid against its schema. */
    private static String command(UUID paymentId, String type, String data) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/emporium/orders","type":"%s%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), TYPE, type, paymentId, OffsetDateTime.now(), data);
        try {
            assertThat(schema("payments." + type + ".json").validate(JSON.readTree(event))).as(event).isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    /** Sends commands keyed by payment id (the subject), in order. */
    static void send(String... commands) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            // the topic is the consumer's: wait until payments has created it
            await("payments creates " + COMMANDS, () -> !producer.partitionsFor(COMMANDS).isEmpty());
            for (String c : commands) {
                String key = c.startsWith("{") ? subject(c) : "not-a-uuid";
                producer.send(new ProducerRecord<>(COMMANDS, key, c)).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("sending commands failed", e);
        }
    }

    private static String subject(String command) {
        try {
            return JSON.readTree(command).path("subject").asText();
        } catch (IOException e) {
            return "not-json";
        }
    }

    /** The payment as the admin API shows it; null while unknown. */
    static JsonPath payment(UUID id) {
        var response = Auth.asAdmin().get("/api/payments/" + id);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    static JsonPath awaitStatus(UUID id, String status) {
        await("payment " + id + " becomes " + status, () -> {
            JsonPath p = payment(id);
            return p != null && status.equals(p.getString("status"));
        });
        return payment(id);
    }

    /** Waits until the payments group has consumed every command sent so far. */
    static void awaitCommandsConsumed() {
        try (Admin admin = KafkaTestResource.kafka().admin();
             KafkaConsumer<String, String> probe = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     KafkaTestResource.kafka().bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = probe.partitionsFor(COMMANDS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(COMMANDS, p.partition())).toList();
            Map<TopicPartition, Long> ends = probe.endOffsets(partitions);
            await("the payments group consumes every command", () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("payments")
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                            || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    /** Every event on the topic once the outbox is empty, by key, in topic order, each valid against its schema. */
    static Map<String, List<JsonNode>> eventsByKey(DataSource dataSource) {
        await("the outbox relay publishes everything", () -> count(dataSource, "SELECT count(*) FROM outbox_event") == 0);
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
                    assertThat(schema("payments." + type.substring(TYPE.length()) + ".json").validate(event))
                            .as("schema errors of %s", event).isEmpty();
                    assertThat(record.key()).isEqualTo(event.path("subject").asText())
                            .isEqualTo(event.at("/data/paymentId").asText());
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return byKey;
    }

    static List<String> types(Map<String, List<JsonNode>> byKey, UUID paymentId) {
        return byKey.getOrDefault(paymentId.toString(), List.of()).stream()
                .map(e -> e.path("type").asText().substring(TYPE.length())).toList();
    }

    static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonSchema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, f -> {
            Path path = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"), "events", f);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            try (InputStream in = Files.newInputStream(path)) {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new IllegalStateException("no schema " + path, e);
            }
        });
    }

    /** Polls until the condition holds; fails at the deadline. No fixed sleeps. */
    static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(50); // a polling interval, not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }
}
