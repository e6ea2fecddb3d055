package org.emporium.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.cart.Fixtures.add;
import static org.emporium.cart.Fixtures.newCart;
import static org.emporium.cart.Fixtures.set;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.emporium.platform.testing.EventContract;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The cart's events on a real Kafka: every change of a cart publishes exactly one event, valid
 * against its schema under contracts/events, keyed by cart id, in the order of the changes
 * (versions 1, 2, 3, ... per cart); refused changes and changes that change nothing publish none.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cart"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandInsResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class CartEventsIT {

    private static final EventContract EVENTS = EventContract.of("cart.cart.v1");

    @Inject
    DataSource dataSource;

    @Test
    void everyChangeOfACartPublishesExactlyOneValidEventInOrderPerCart() throws Exception {
        String a = newCart();
        String b = newCart();
        add(a, "AUD-000001", 2).statusCode(200);
        add(b, "AUD-000001", 1).statusCode(200);
        add(a, "AUD-000001", 1).statusCode(200);
        set(a, "AUD-000001", 5).statusCode(200);
        add(b, "KIT-000001", 1).statusCode(200);
        add(a, "KIT-000001", 2).statusCode(200);
        set(a, "KIT-000001", 2).statusCode(200);                     // the same quantity: no change
        add(a, "NOPE-404", 1).statusCode(422);                       // refused: no change
        add(a, "AUD-000001", 95).statusCode(422);                    // refused: no change
        given().delete("/api/carts/" + a + "/items/AUD-000001").then().statusCode(200);
        given().delete("/api/carts/" + b).then().statusCode(204);
        given().delete("/api/carts/" + b).then().statusCode(204);    // already empty: no change
        set(a, "KIT-000001", 1).statusCode(200);
        given().delete("/api/carts/" + a).then().statusCode(204);

        Map<String, List<JsonNode>> byKey = EVENTS.readToEndOnceOutboxEmpty(dataSource);

        List<JsonNode> ofA = byKey.get(a);
        assertThat(EVENTS.types(ofA)).containsExactly("ItemAddedToCart", "ItemAddedToCart", "ItemQuantityChanged",
                "ItemAddedToCart", "ItemRemovedFromCart", "ItemQuantityChanged", "CartCleared");
        assertThat(ofA).extracting(e -> e.at("/data/version").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 7).boxed().toList());
        assertThat(ofA.get(1).at("/data/quantity").asInt()).isEqualTo(1);
        assertThat(ofA.get(1).at("/data/lineQuantity").asInt()).isEqualTo(3);
        assertThat(ofA.get(2).at("/data/quantity").asInt()).isEqualTo(5);
        assertThat(ofA.get(2).at("/data/previousQuantity").asInt()).isEqualTo(3);
        assertThat(ofA.get(4).at("/data/sku").asText()).isEqualTo("AUD-000001");
        // a product without options: its lines and their events carry an empty object
        assertThat(ofA).filteredOn(e -> !EVENTS.type(e).equals("CartCleared"))
                .allSatisfy(e -> assertThat(e.at("/data/options").toString()).isEqualTo("{}"));
        assertThat(ofA).allSatisfy(e -> assertThat(e.at("/data/cartId").asText()).isEqualTo(a));

        List<JsonNode> ofB = byKey.get(b);
        assertThat(EVENTS.types(ofB)).containsExactly("ItemAddedToCart", "ItemAddedToCart", "CartCleared");
        assertThat(ofB).extracting(e -> e.at("/data/version").asLong()).containsExactly(1L, 2L, 3L);

        // the versions the API shows agree with the events
        given().get("/api/carts/" + a).then().body("version", org.hamcrest.Matchers.equalTo(7));
    }

    @Test
    void concurrentChangesOfOneCartQueueOnItsLockAndPublishInCommitOrder() throws Exception {
        String cart = newCart();
        String sku = Fixtures.freshSku();
        int changes = 12;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(changes)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < changes; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return add(cart, sku, 1).extract().statusCode();
                }));
            }
            start.countDown();
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }
        List<JsonNode> events = EVENTS.readToEndOnceOutboxEmpty(dataSource).get(cart);
        assertThat(EVENTS.types(events)).hasSize(changes).containsOnly("ItemAddedToCart");
        // versions and line quantities both count 1..n in topic order: no gap, no reordering
        List<Long> expected = LongStream.rangeClosed(1, changes).boxed().toList();
        assertThat(events).extracting(e -> e.at("/data/version").asLong()).containsExactlyElementsOf(expected);
        assertThat(events).extracting(e -> e.at("/data/lineQuantity").asLong()).containsExactlyElementsOf(expected);
    }

    @Test
    void aMergeAtSignInPublishesAnAddedEventPerLineForTheAccountsCartAndClearedForTheGuestCart() throws Exception {
        String token = "Bearer " + IdentityTestResource.identity().customer("events-" + java.util.UUID.randomUUID());
        String mine = given().header("Authorization", token).post("/api/carts").then().statusCode(201).extract().path("id");
        given().header("Authorization", token).contentType("application/json")
                .body("{\"sku\":\"AUD-000001\",\"quantity\":1}").post("/api/carts/" + mine + "/items")
                .then().statusCode(200);
        String guest = newCart();
        add(guest, "AUD-000001", 1).statusCode(200);
        add(guest, "KIT-000001", 2).statusCode(200);
        for (int i = 0; i < 2; i++) { // the second merge changes nothing and publishes nothing
            given().header("Authorization", token).contentType("application/json")
                    .body("{\"cartId\":\"" + guest + "\"}").post("/api/carts/mine/merge").then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.equalTo(mine)).body("version", org.hamcrest.Matchers.equalTo(3));
        }

        Map<String, List<JsonNode>> byKey = EVENTS.readToEndOnceOutboxEmpty(dataSource);
        List<JsonNode> ofMine = byKey.get(mine);
        assertThat(EVENTS.types(ofMine)).containsExactly("ItemAddedToCart", "ItemAddedToCart", "ItemAddedToCart");
        assertThat(ofMine).extracting(e -> e.at("/data/version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(ofMine.get(1).at("/data/sku").asText()).isEqualTo("AUD-000001");
        assertThat(ofMine.get(1).at("/data/quantity").asInt()).isEqualTo(1);
        assertThat(ofMine.get(1).at("/data/lineQuantity").asInt()).isEqualTo(2);
        assertThat(ofMine.get(2).at("/data/sku").asText()).isEqualTo("KIT-000001");
        assertThat(ofMine.get(2).at("/data/lineQuantity").asInt()).isEqualTo(2);
        assertThat(EVENTS.types(byKey.get(guest))).containsExactly("ItemAddedToCart", "ItemAddedToCart", "CartCleared");
        assertThat(byKey.get(guest)).extracting(e -> e.at("/data/version").asLong()).containsExactly(1L, 2L, 3L);
    }
}
