package org.emporium.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.emporium.platform.testing.TestIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Orders that belong to an account: placed with a token, read only by the owner (or an admin or a
 * service); no token is a 401, another account's token a 404 like no order at all; guest orders
 * stay reachable by id. The caller's token is relayed to the cart; the saga clears the cart with a
 * service token. "My orders" pages through the caller's orders only. Hostile strings never 500.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandIns.class)
@QuarkusTestResource(IdentityTestResource.class)
class OrderOwnershipIT {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTILE = List.of("'; DROP TABLE orders; --", "'; DROP TABLE carts; --",
            "<script>alert(1)</script>", "1' OR '1'='1", "Robert\"); DELETE FROM orders; --", "\u202Eevil\u0000?");
    private static ScriptedParticipants participants;

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

    private static TestIdentity identity() {
        return IdentityTestResource.identity();
    }

    private static String account() {
        return "acct-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }

    private static String body(UUID cart, String email) {
        return """
                {"cartId":"%s",%s"shippingAddress":{"name":"Ada Lovelace","line1":"1 Analytical Way",\
                "city":"London","postalCode":"N1 9GU","country":"GB"},\
                "payment":{"cardNumber":"4242424242424242","expiry":"12/30","cvc":"123"}}"""
                .formatted(cart, email == null ? "" : "\"email\":" + JsonNodeFactory.instance.textNode(email) + ",");
    }

    private static Response post(String token, String body) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/orders");
    }

    private static UUID place(String token, UUID cart, String email) {
        Response response = post(token, body(cart, email));
        response.then().statusCode(202);
        return UUID.fromString(response.path("id"));
    }

    private static void awaitStatus(String token, UUID id, String status) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> status.equals(
                as(token).get("/api/orders/" + id).then().statusCode(200).extract().path("status")));
    }

    @Test
    void anOrderPlacedWithATokenIsTheOwnersAndNobodyElses() throws Exception {
        String owner = account();
        String token = identity().customer(owner);
        UUID id = place(token, StandIns.cart("OWNED-1", 2), null);

        // no email in the body: the token's
        as(token).get("/api/orders/" + id).then().statusCode(200).body("email", equalTo(owner + "@example.com"));
        given().get("/api/orders/" + id).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer"));
        given().get("/api/orders/" + id + "/events").then().statusCode(401).contentType(PROBLEM);

        String other = identity().customer(account());
        UUID unknown = UUID.randomUUID();
        as(other).get("/api/orders/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Not found")).body("detail", equalTo("order " + id));
        as(other).get("/api/orders/" + unknown).then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Not found")).body("detail", equalTo("order " + unknown));
        as(other).get("/api/orders/" + id + "/events").then().statusCode(404).contentType(PROBLEM);

        as(identity().admin()).get("/api/orders/" + id).then().statusCode(200).body("id", equalTo(id.toString()));
        as(identity().service()).get("/api/orders/" + id).then().statusCode(200);
        awaitStatus(token, id, "CONFIRMED");

        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/orders/" + id + "/events"))
                .header("Authorization", "Bearer " + token).timeout(DEADLINE).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body().filter(l -> l.startsWith("data:")).map(l -> l.substring(5)).toList())
                .last().asString().contains("\"CONFIRMED\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "anotherIssuer", "stranger", "tampered"})
    void aBadTokenIsA401EvenForAGuestOrder(String kind) {
        String sub = account();
        String bad = switch (kind) {
            case "expired" -> identity().expired(sub);
            case "anotherIssuer" -> identity().fromAnotherIssuer(sub);
            case "stranger" -> identity().signedByAStranger(sub);
            default -> identity().tampered(sub);
        };
        UUID owned = place(identity().customer(sub), StandIns.cart("BADTOKEN-1", 1), null);
        UUID guest = place(null, StandIns.cart("BADTOKEN-2", 1), "guest@example.com");
        for (UUID id : List.of(owned, guest)) {
            as(bad).get("/api/orders/" + id).then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", containsString("invalid_token"));
        }
        as(bad).get("/api/orders").then().statusCode(401).contentType(PROBLEM);
        post(bad, body(StandIns.cart("BADTOKEN-3", 1), "x@example.com")).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void aGuestOrderIsReachableByIdWithOrWithoutAToken() {
        UUID id = place(null, StandIns.cart("GUEST-1", 1), "guest@example.com");
        given().get("/api/orders/" + id).then().statusCode(200).body("email", equalTo("guest@example.com"));
        as(identity().customer(account())).get("/api/orders/" + id).then().statusCode(200);
        // and without a token the email is still required
        post(null, body(StandIns.cart("GUEST-2", 1), null)).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("email"));
        post(null, body(StandIns.cart("GUEST-2", 1), "  ")).then().statusCode(400).body("errors[0].field", equalTo("email"));
        // with a token, a blank email is the token's; a given one stays
        String owner = account();
        UUID blank = place(identity().customer(owner), StandIns.cart("GUEST-3", 1), " ");
        as(identity().customer(owner)).get("/api/orders/" + blank).then().body("email", equalTo(owner + "@example.com"));
        UUID given = place(identity().customer(owner), StandIns.cart("GUEST-4", 1), "gift@example.com");
        as(identity().customer(owner)).get("/api/orders/" + given).then().body("email", equalTo("gift@example.com"));
        post(identity().customer(owner), body(StandIns.cart("GUEST-5", 1), "nope")).then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void theCallersTokenIsRelayedToTheCartAndAnAccountsCartIsA4xxForOthers() {
        String owner = account();
        String token = identity().customer(owner);
        UUID cart = StandIns.ownedCart(owner, "RELAY-1", 1);

        post(null, body(cart, "x@example.com")).then().statusCode(401).contentType(PROBLEM)
                .body("detail", containsString("sign in"));
        post(identity().customer(account()), body(cart, "x@example.com")).then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Cart not found"));
        UUID id = place(token, cart, null);
        assertThat(StandIns.AUTHORIZATIONS.get(cart)).contains("Bearer " + token);

        // the saga clears the cart for no user: with the service's own token
        awaitStatus(token, id, "CONFIRMED");
        await().atMost(DEADLINE).until(() -> StandIns.CLEARED.contains(cart));
        assertThat(StandIns.AUTHORIZATIONS.get(cart)).last().satisfies(
                header -> assertThat(StandIns.subject(header)).isEqualTo(TestIdentity.SERVICE_CLIENT));
        // a guest's order never sends a token to the cart
        UUID guestCart = StandIns.cart("RELAY-2", 1);
        place(null, guestCart, "guest@example.com");
        assertThat(StandIns.AUTHORIZATIONS.get(guestCart)).first().isEqualTo("");
    }

    @Test
    void myOrdersArePagedNewestFirstAndOnlyTheCallers() {
        given().get("/api/orders").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer"));
        String alice = identity().customer(account());
        String bob = identity().customer(account());
        List<String> alices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alices.add(place(alice, StandIns.cart("MINE-A" + i, i + 1), null).toString());
        }
        String bobs = place(bob, StandIns.cart("MINE-B", 1), null).toString();
        place(null, StandIns.cart("MINE-G", 1), "guest@example.com");

        as(alice).queryParam("page", 0).queryParam("size", 2).get("/api/orders").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3))
                .body("items.id", contains(alices.get(2), alices.get(1)))
                .body("items[0].itemCount", equalTo(3)).body("items[0].total.amount", equalTo("30.00"))
                .body("items[0].lines[0].sku", equalTo("MINE-A2")).body("items[0].status", oneOf("PENDING", "CONFIRMED"))
                .body("items[0].createdAt", org.hamcrest.Matchers.notNullValue());
        as(alice).queryParam("page", 1).queryParam("size", 2).get("/api/orders").then().statusCode(200)
                .body("items.id", contains(alices.get(0))).body("total", equalTo(3));
        as(alice).queryParam("page", 5).get("/api/orders").then().statusCode(200).body("items", hasSize(0))
                .body("size", equalTo(20));
        as(alice).get("/api/orders").then().statusCode(200).body("items.id", contains(alices.get(2), alices.get(1),
                alices.get(0))).body("page", equalTo(0)).body("size", equalTo(20));
        as(bob).get("/api/orders").then().statusCode(200).body("items.id", contains(bobs)).body("total", equalTo(1));
        as(identity().customer(account())).get("/api/orders").then().statusCode(200).body("items", hasSize(0))
                .body("total", equalTo(0));

        for (String[] bad : new String[][] {{"page", "-1"}, {"page", "x"}, {"page", "1.5"}, {"page", "99999999999"},
                {"size", "0"}, {"size", "101"}, {"size", "ten"}, {"size", "'; DROP TABLE orders; --"}}) {
            as(alice).queryParam(bad[0], bad[1]).get("/api/orders").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void hostileStringsAreStoredAndAnsweredVerbatimOrRejectedNeverA500() throws Exception {
        String owner = account();
        String token = identity().customer(owner);
        for (String hostile : HOSTILE) {
            // free text: kept exactly and answered as JSON, or refused as a 400 (control characters)
            for (String field : List.of("name", "line1", "line2", "city", "region")) {
                ObjectNode body = bodyNode(StandIns.cart("HOSTILE-1", 1), "a@example.com");
                ((ObjectNode) body.get("shippingAddress")).put(field, hostile);
                Response response = post(token, body.toString());
                int status = response.statusCode();
                assertThat(status).as(field + " = " + hostile).isIn(202, 400);
                if (status == 202) {
                    String id = response.path("id");
                    String stored = JSON.readTree(as(token).get("/api/orders/" + id).then().statusCode(200)
                            .contentType(ContentType.JSON).extract().asString()).at("/shippingAddress/" + field).asText();
                    assertThat(stored).as(field).isEqualTo(hostile);
                } else {
                    response.then().contentType(PROBLEM).body("errors[0].field", equalTo("shippingAddress." + field));
                }
            }
            // structured fields: refused, naming the field
            for (String field : List.of("email", "cartId", "shippingAddress.postalCode", "shippingAddress.country",
                    "payment.cardNumber", "payment.expiry", "payment.cvc")) {
                ObjectNode body = bodyNode(StandIns.cart("HOSTILE-2", 1), "a@example.com");
                ObjectNode parent = field.contains(".") ? (ObjectNode) body.get(field.substring(0, field.indexOf('.'))) : body;
                parent.put(field.substring(field.indexOf('.') + 1), hostile);
                post(token, body.toString()).then().statusCode(400).contentType(PROBLEM)
                        .body("errors[0].field", equalTo(field));
            }
            if (hostile.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) { // what an HTTP header can carry
                as(token).contentType(ContentType.JSON).header("Idempotency-Key", hostile)
                        .body(body(StandIns.cart("HOSTILE-3", 1), "a@example.com")).post("/api/orders")
                        .then().statusCode(oneOf(202, 400));
            }
            as(token).get("/api/orders/{id}", hostile).then().statusCode(oneOf(400, 404)).contentType(PROBLEM);
        }
        // every table is still there
        as(token).get("/api/orders").then().statusCode(200);
    }

    private static ObjectNode bodyNode(UUID cart, String email) {
        try {
            return (ObjectNode) JSON.readTree(body(cart, email));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
