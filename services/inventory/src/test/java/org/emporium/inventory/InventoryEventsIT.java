package org.emporium.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.Fixtures.reservation;
import static org.emporium.inventory.Fixtures.stockedSku;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.EventContract;
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

    private static final EventContract EVENTS = EventContract.of("inventory.stock.v1");
    private static final EventContract COMMANDS = EventContract.of("inventory.commands.v1");

    @Inject
    DataSource dataSource;

    @Test
    void everyOperationPublishesExactlyItsEventsInOrderPerKeyAndValidAgainstTheSchemas() throws Exception {
        String sku = stockedSku(5);
        String reservation = UUID.randomUUID().toString();
        String body = reservation(UUID.fromString(reservation), sku, 2);
        Auth.asService().contentType(ContentType.JSON).body(body).post("/api/inventory/reservations").then().statusCode(201);
        Auth.asService().contentType(ContentType.JSON).body(body).post("/api/inventory/reservations").then().statusCode(201);
        Auth.asService().post("/api/inventory/reservations/" + reservation + "/commit").then().statusCode(200);
        Auth.asService().post("/api/inventory/reservations/" + reservation + "/commit").then().statusCode(200);
        String rejected = UUID.randomUUID().toString();
        Auth.asService().contentType(ContentType.JSON).body(reservation(UUID.fromString(rejected), sku, 4))
                .post("/api/inventory/reservations").then().statusCode(422);
        String released = UUID.randomUUID().toString();
        Auth.asService().contentType(ContentType.JSON).body(reservation(UUID.fromString(released), sku, 1))
                .post("/api/inventory/reservations").then().statusCode(201);
        Auth.asService().post("/api/inventory/reservations/" + released + "/release").then().statusCode(200);
        Auth.asService().post("/api/inventory/reservations/" + released + "/release").then().statusCode(200);

        Map<String, List<JsonNode>> byKey = EVENTS.readToEndOnceOutboxEmpty(dataSource);

        assertThat(EVENTS.types(byKey.get(reservation))).containsExactly("StockReserved", "StockCommitted");
        assertThat(EVENTS.types(byKey.get(rejected))).containsExactly("StockReservationRejected");
        assertThat(byKey.get(rejected).get(0).at("/data/shortages/0/available").asInt()).isEqualTo(3);
        assertThat(EVENTS.types(byKey.get(released))).containsExactly("StockReserved", "StockReleased");
        assertThat(byKey.get(released).get(1).at("/data/reason").asText()).isEqualTo("RELEASED");
        // set 5; reserve 2; commit 2; reserve 1; release 1 — the rejection changed nothing
        List<JsonNode> levels = byKey.get(sku);
        assertThat(EVENTS.types(levels)).containsOnly("StockLevelChanged");
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
        String unknown = UUID.randomUUID().toString();
        // each command is checked against its schema as it is built; the last record is no command at all
        COMMANDS.send(List.of(
                command(kept, "ReserveStock", "{\"reservationId\":\"" + kept + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}"),
                command(kept, "ReserveStock", "{\"reservationId\":\"" + kept + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}"),
                command(kept, "CommitReservation", "{\"reservationId\":\"" + kept + "\"}"),
                // refused (other lines for a known id; an unknown id): skipped, the rest still applies
                command(kept, "ReserveStock", "{\"reservationId\":\"" + kept + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}"),
                command(unknown, "CommitReservation", "{\"reservationId\":\"" + unknown + "\"}"),
                command(kept, "CommitReservation", "{\"reservationId\":\"" + kept + "\"}"),
                command(compensated, "ReserveStock", "{\"reservationId\":\"" + compensated + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}"),
                command(compensated, "ReleaseReservation", "{\"reservationId\":\"" + compensated + "\"}"),
                command(compensated, "ReleaseReservation", "{\"reservationId\":\"" + compensated + "\"}"),
                command(refused, "ReserveStock", "{\"reservationId\":\"" + refused + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}"),
                Map.entry(refused, "this is no command")));

        COMMANDS.awaitConsumedBy("inventory");
        Map<String, List<JsonNode>> byKey = EVENTS.readToEndOnceOutboxEmpty(dataSource);

        assertThat(EVENTS.types(byKey.get(kept))).containsExactly("StockReserved", "StockCommitted");
        assertThat(EVENTS.types(byKey.get(compensated))).containsExactly("StockReserved", "StockReleased");
        assertThat(EVENTS.types(byKey.get(refused))).containsExactly("StockReservationRejected");
        assertThat(byKey.get(unknown)).as("an unknown reservation publishes nothing").isNull();
        // commands are applied a poll at a time, each SKU's level announced once per poll: however
        // the records were split into polls, the levels only rise in version and the last is now
        List<JsonNode> levels = byKey.get(sku);
        assertThat(levels).extracting(e -> e.at("/data/version").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(levels.getLast().at("/data/available").asInt()).isEqualTo(1);
        assertThat(levels.getLast().at("/data/onHand").asInt()).isEqualTo(1);
        given().get("/api/inventory/" + sku).then().statusCode(200)
                .body("available", org.hamcrest.Matchers.equalTo(1)).body("reserved", org.hamcrest.Matchers.equalTo(0));
        Auth.asService().get("/api/inventory/reservations/" + kept).then().body("status", org.hamcrest.Matchers.equalTo("COMMITTED"));
    }

    /** A command as the saga sends it, keyed by its reservation. */
    private static Map.Entry<String, String> command(String reservationId, String type, String data) {
        return Map.entry(reservationId, COMMANDS.cloudEvent(UUID.randomUUID(), "/emporium/orders", type, reservationId, data));
    }
}
