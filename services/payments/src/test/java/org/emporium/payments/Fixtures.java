package org.emporium.payments;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.Await;
import org.emporium.platform.testing.EventContract;
import org.emporium.platform.testing.EventContract.Traced;
import org.emporium.platform.testing.KafkaTestResource;

/**
 * What the integration tests share: tokenizing through the API, commands as the saga sends them
 * (each checked against its schema), the replies on the topic (each checked against its schema),
 * and polling with a deadline — never a fixed sleep.
 */
final class Fixtures {

    static final String PROBLEM = "application/problem+json";
    static final EventContract EVENTS = EventContract.of("payments.payment.v1");
    static final EventContract COMMANDS = EventContract.of("payments.commands.v1");
    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    /** The simulator's test cards, as a shopper might type them. */
    static final String APPROVE = "4242 4242 4242 4242";
    static final String DECLINE = "4000 0000 0000 0002";
    static final String ERROR = "4000 0000 0000 0119";
    static final String SLOW = "4000 0000 0000 3220";
    static final String OTHER = "5555-5555-5555-4444";
    static final List<String> TEST_CARDS = List.of(APPROVE, DECLINE, ERROR, SLOW, OTHER);

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
        return COMMANDS.cloudEvent(UUID.randomUUID(), "/emporium/orders", type, paymentId.toString(), data);
    }

    /** Sends commands keyed by payment id (the subject), in order. */
    static void send(String... commands) {
        COMMANDS.send(Arrays.stream(commands)
                .map(c -> Map.entry(c.startsWith("{") ? subject(c) : "not-a-uuid", c)).toList());
    }

    /** The command in a trace of its own, keyed by its subject, for {@code COMMANDS.sendInOneTransaction}. */
    static Traced traced(String command) {
        return Traced.of(subject(command), command);
    }

    /**
     * The trace id each event on payments.payment.v1 was published in (from its traceparent
     * header; null without one), by key in topic order: the same lists as {@link #eventsByKey}.
     */
    static Map<String, List<String>> traceIdsByKey() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(EVENTS.topic(), Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(EVENTS.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await("reading " + EVENTS.topic() + " to its end", () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    Header traceparent = record.headers().lastHeader("traceparent");
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(traceparent == null ? null
                            : new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1]);
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return byKey;
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
        COMMANDS.awaitConsumedBy("payments");
    }

    /** Every event on the topic once the outbox is empty, by key, in topic order, each valid against its schema. */
    static Map<String, List<JsonNode>> eventsByKey(DataSource dataSource) {
        Map<String, List<JsonNode>> byKey = EVENTS.readToEndOnceOutboxEmpty(dataSource);
        byKey.forEach((key, events) -> assertThat(events).allSatisfy(
                event -> assertThat(event.at("/data/paymentId").asText()).as("the key of %s", event).isEqualTo(key)));
        return byKey;
    }

    static List<String> types(Map<String, List<JsonNode>> byKey, UUID paymentId) {
        return EVENTS.types(byKey.getOrDefault(paymentId.toString(), List.of()));
    }

    static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the condition holds; fails at the deadline. No fixed sleeps. */
    static void await(String what, BooleanSupplier condition) {
        Await.until(what, DEADLINE, condition);
    }
}
