package org.emporium.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The orders service with real Postgres and Kafka, the participants scripted on Kafka
 * ({@link ScriptedParticipants}) and cart/payments over HTTP ({@link StandIns}): every saga path
 * ends where its specification says, with the commands and events it should send.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandIns.class)
class OrdersIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ScriptedParticipants participants;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @BeforeAll
    static void startParticipants() {
        participants = new ScriptedParticipants(KafkaTestResource.kafka().bootstrapServers());
    }

    @AfterAll
    static void stopParticipants() throws InterruptedException {
        participants.close();
    }

    @Test
    void anOrderIsReservedAuthorizedCommittedCapturedAndConfirmedAndItsCartCleared() {
        UUID cart = StandIns.cart("HAPPY-1", 2, "HAPPY-2", 1);
        UUID id = place(cart, "4242 4242 4242 4242", UUID.randomUUID().toString());
        assertThat(given().get("/api/orders/" + id).path("status").toString()).isIn("PENDING", "CONFIRMED");

        JsonNode order = awaitStatus(id, "CONFIRMED");
        assertThat(order.at("/total/amount").asText()).isEqualTo("30.00");
        assertThat(order.at("/lines/0/sku").asText()).isEqualTo("HAPPY-1");
        assertThat(order.at("/payment/last4").asText()).isEqualTo("4242");
        assertThat(order.at("/confirmedAt").isTextual()).isTrue();
        assertThat(order.path("steps")).extracting(s -> s.path("step").asText()).containsExactly(
                "RESERVING_STOCK", "AUTHORIZING_PAYMENT", "COMMITTING_STOCK", "CAPTURING_PAYMENT", "CONFIRMED");
        assertThat(participants.commandsOf(id))
                .containsExactly("ReserveStock", "AuthorizePayment", "CommitReservation", "CapturePayment");
        await().atMost(DEADLINE).until(() -> StandIns.CLEARED.contains(cart));
        // and remembered, so the next rounds leave it alone
        await().atMost(DEADLINE).until(() -> count("SELECT count(*) FROM orders WHERE cart_cleared AND id = '" + id + "'") == 1);
    }

    @Test
    void aShortReservationCancelsTheOrderAsOutOfStockWithNothingToUndo() {
        UUID id = place(StandIns.cart("SCARCE-1", 1), "4242424242424242", UUID.randomUUID().toString());

        JsonNode order = awaitStatus(id, "CANCELLED");
        assertThat(order.path("reason").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(order.path("detail").asText()).contains("SCARCE-1 (requested 1, available 0)");
        assertThat(participants.commandsOf(id)).containsExactly("ReserveStock");
    }

    @Test
    void aDeclinedCardIsANormalCancellationThatReleasesTheStockAndCapturesNothing() {
        UUID declined = place(StandIns.cart("DECLINE-1", 1), "4000 0000 0000 0002", UUID.randomUUID().toString());
        UUID failed = place(StandIns.cart("FAIL-1", 1), "4000 0000 0000 0119", UUID.randomUUID().toString());

        assertThat(awaitStatus(declined, "CANCELLED").path("reason").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(awaitStatus(failed, "CANCELLED").path("reason").asText()).isEqualTo("PAYMENT_FAILED");
        // the release leaves through the outbox after the cancellation commits: awaited, not assumed
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(participants.commandsOf(declined)).containsExactly("ReserveStock", "AuthorizePayment",
                    "ReleaseReservation");
            assertThat(participants.commandsOf(failed)).doesNotContain("CapturePayment").endsWith("ReleaseReservation");
        });
    }

    @Test
    void aStepWithoutReplyIsSentAgainAndFinallyCompensated() {
        UUID id = place(StandIns.cart("SILENT-1", 1), "4242424242424242", UUID.randomUUID().toString());

        JsonNode order = awaitStatus(id, "CANCELLED");
        assertThat(order.path("reason").asText()).isEqualTo("RESERVATION_TIMEOUT");
        // max-attempts is 2 in tests: sent twice, then released in case a late reservation holds units;
        // the release leaves through the outbox after the cancellation commits: awaited, not assumed
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(participants.commandsOf(id))
                .containsExactly("ReserveStock", "ReserveStock", "ReleaseReservation"));
    }

    @Test
    void theSameRequestTwiceWithOneKeyIsOneOrderAndOneAuthorization() throws Exception {
        UUID cart = StandIns.cart("TWICE-1", 1);
        String key = UUID.randomUUID().toString();
        List<Future<UUID>> racing = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                racing.add(threads.submit(() -> place(cart, "4242424242424242", key)));
            }
        }
        Set<UUID> ids = new HashSet<>();
        for (Future<UUID> f : racing) {
            ids.add(f.get());
        }
        assertThat(ids).hasSize(1);
        UUID id = ids.iterator().next();
        awaitStatus(id, "CONFIRMED");
        assertThat(place(cart, "4242424242424242", key)).isEqualTo(id);
        assertThat(participants.authorizations()).contains(id.toString());
        assertThat(participants.commandsOf(id)).filteredOn("AuthorizePayment"::equals).isNotEmpty();
        assertThat(count("SELECT count(*) FROM orders WHERE cart_id = '" + cart + "'")).isEqualTo(1);

        // the same key with another body is a mistake of the client's
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body(cart, "a-different@example.com", "4242424242424242", "12/30", "123"))
                .post("/api/orders").then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("this Idempotency-Key was used for a different request"));
    }

    @Test
    void badInputIsA4xxProblemNamingTheField() {
        UUID cart = StandIns.cart("BAD-1", 1);
        Map<String, String> fieldByBody = Map.of(
                "payment.cardNumber", body(cart, "a@example.com", "4242424242424241", "12/30", "123"),
                "payment.expiry", body(cart, "a@example.com", "4242424242424242", "01/20", "123"),
                "payment.cvc", body(cart, "a@example.com", "4242424242424242", "12/30", "12"),
                "email", body(cart, "not-an-email", "4242424242424242", "12/30", "123"));
        fieldByBody.forEach((field, body) -> given().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/orders")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body(cart, "a@example.com", "4242424242424242", "12/30", "123").replace("\"US\"", "\"usa\""))
                .post("/api/orders").then().statusCode(400).body("errors[0].field", equalTo("shippingAddress.country"));
        given().contentType(ContentType.JSON).body(body(cart, "a@example.com", "4242424242424242", "12/30", "123"))
                .post("/api/orders").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body(UUID.randomUUID(), "a@example.com", "4242424242424242", "12/30", "123"))
                .post("/api/orders").then().statusCode(404).contentType("application/problem+json");
        UUID empty = StandIns.cart();
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body(empty, "a@example.com", "4242424242424242", "12/30", "123"))
                .post("/api/orders").then().statusCode(422).body("title", equalTo("Empty cart"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"cartId\":").post("/api/orders").then().statusCode(400);
        given().get("/api/orders/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/api/orders/nope").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void theStatusStreamSendsTheOrderUntilItEnds() throws Exception {
        UUID id = place(StandIns.cart("STREAM-1", 1), "4242424242424242", UUID.randomUUID().toString());
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/orders/" + id + "/events"))
                .timeout(DEADLINE).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        List<String> statuses = stream.body().filter(line -> line.startsWith("data:"))
                .map(line -> readTree(line.substring(5)).path("status").asText()).toList();
        assertThat(statuses).isNotEmpty().last().isEqualTo("CONFIRMED");
    }

    @Test
    void everyOrderEventIsValidAgainstItsSchemaAndNoCardNumberIsStored() throws Exception {
        UUID confirmed = place(StandIns.cart("EVENTS-1", 1), "4242424242424242", UUID.randomUUID().toString());
        UUID cancelled = place(StandIns.cart("SCARCE-2", 1), "4242424242424242", UUID.randomUUID().toString());
        awaitStatus(confirmed, "CONFIRMED");
        awaitStatus(cancelled, "CANCELLED");

        Map<String, List<JsonNode>> byKey = orderEvents(Set.of(confirmed.toString(), cancelled.toString()));
        assertThat(byKey.get(confirmed.toString())).extracting(e -> e.path("type").asText())
                .containsExactly("emporium.orders.OrderPlaced", "emporium.orders.OrderConfirmed");
        assertThat(byKey.get(cancelled.toString())).extracting(e -> e.path("type").asText())
                .containsExactly("emporium.orders.OrderPlaced", "emporium.orders.OrderCancelled");
        for (List<JsonNode> events : byKey.values()) {
            for (JsonNode event : events) {
                String name = event.path("type").asText().substring("emporium.".length());
                assertThat(validate(name, event)).as(name).isEmpty();
            }
        }
        assertThat(byKey.get(confirmed.toString()).get(1).at("/data/lines/0/name").asText())
                .isEqualTo("Product <b>EVENTS-1</b>");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("orders", "order_line", "order_step", "idempotency_key", "outbox_event")) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        assertThat(rs.getString(1)).as(table).doesNotContain("4242424242424242");
                    }
                }
            }
        }
    }

    /** Issue 20, variants: two sizes of one SKU are two order lines, and one reservation line of their sum. */
    @Test
    void twoSizesOfOneSkuAreTwoOrderLinesAndInventoryReservesTheSkuOnceWithTheirSum() throws Exception {
        UUID cart = StandIns.sizedCart("TEE-1", "M", 2, "L", 1);
        UUID id = place(cart, "4242424242424242", UUID.randomUUID().toString());

        JsonNode order = awaitStatus(id, "CONFIRMED");
        assertThat(order.path("lines")).hasSize(2);
        assertThat(order.path("lines")).extracting(l -> l.path("sku").asText()).containsExactly("TEE-1", "TEE-1");
        assertThat(order.path("lines")).extracting(l -> l.at("/options/size").asText()).containsExactly("M", "L");
        assertThat(order.path("lines")).extracting(l -> l.path("quantity").asInt()).containsExactly(2, 1);
        assertThat(order.at("/total/amount").asText()).isEqualTo("30.00");
        assertThat(participants.commandsOf(id))
                .containsExactly("ReserveStock", "AuthorizePayment", "CommitReservation", "CapturePayment");
        JsonNode reservation = participants.reservationOf(id);
        assertThat(reservation.path("lines")).hasSize(1);
        assertThat(reservation.at("/lines/0/sku").asText()).isEqualTo("TEE-1");
        assertThat(reservation.at("/lines/0/quantity").asInt()).isEqualTo(3);

        List<JsonNode> events = orderEvents(Set.of(id.toString())).get(id.toString());
        for (JsonNode event : events) {
            String name = event.path("type").asText().substring("emporium.".length());
            assertThat(validate(name, event)).as(name).isEmpty();
            assertThat(event.at("/data/lines")).extracting(l -> l.at("/options/size").asText()).containsExactly("M", "L");
        }
        // a product without options: its line shows an empty object
        UUID plain = place(StandIns.cart("PLAIN-1", 1), "4242424242424242", UUID.randomUUID().toString());
        assertThat(awaitStatus(plain, "CONFIRMED").at("/lines/0/options").toString()).isEqualTo("{}");
    }

    @Test
    void moreThan99UnitsOfOneSkuInAllItsSizesIsRefusedBeforeAnythingIsReserved() throws Exception {
        UUID cart = StandIns.sizedCart("TEE-2", "M", 60, "L", 40);
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body(cart, "a@example.com", "4242424242424242", "12/30", "123"))
                .post("/api/orders").then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Too many units"))
                .body("detail", org.hamcrest.Matchers.containsString("at most 99 units of TEE-2"));
        assertThat(count("SELECT count(*) FROM orders WHERE cart_id = '" + cart + "'")).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static UUID place(UUID cart, String card, String key) {
        Response response = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body(cart, "shopper@example.com", card, "12/30", "123")).post("/api/orders");
        // PENDING the first time; a retry answers the order as it is now
        response.then().statusCode(202).body("status", org.hamcrest.Matchers.oneOf("PENDING", "CONFIRMED", "CANCELLED"))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/orders/" + response.path("id")));
        return UUID.fromString(response.path("id"));
    }

    private static String body(UUID cart, String email, String card, String expiry, String cvc) {
        return """
                {"cartId":"%s","email":"%s","shippingAddress":{"name":"Ada Lovelace","line1":"1 Analytical Way",\
                "city":"London","postalCode":"N1 9GU","country":"US"},\
                "payment":{"cardNumber":"%s","expiry":"%s","cvc":"%s"}}""".formatted(cart, email, card, expiry, cvc);
    }

    private static JsonNode awaitStatus(UUID id, String status) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> readTree(given().get("/api/orders/" + id).then().statusCode(200).extract().asString()),
                        order -> order.path("status").asText().equals(status));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of the given orders on orders.order.v1, by key, once each has its end event. */
    private static Map<String, List<JsonNode>> orderEvents(Set<String> keys) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "orders-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<JsonNode>> byKey = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("orders.order.v1"));
            await().atMost(DEADLINE).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(r.key())) {
                        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(readTree(r.value()));
                    }
                }
                return keys.stream().allMatch(k -> byKey.getOrDefault(k, List.of()).size() >= 2);
            });
        }
        return byKey;
    }

    private static Set<?> validate(String name, JsonNode event) throws Exception {
        Path schema = Path.of(System.getProperty("emporium.contracts.dir"), "events", name + ".json");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(schema)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config).validate(event);
        }
    }

    /** contracts/openapi/orders.yaml is what clients are written against: it must be what is served. */
    @org.junit.jupiter.api.Test
    void servedOpenApiMatchesTheCommittedContract() {
        org.emporium.platform.testing.OpenApiContract.assertServedMatchesCommitted(
                io.restassured.RestAssured.given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                        .extract().asString(), "orders");
    }
}
