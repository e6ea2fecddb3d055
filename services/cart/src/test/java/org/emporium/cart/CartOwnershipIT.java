package org.emporium.cart;

import static io.restassured.RestAssured.given;
import static org.emporium.cart.Fixtures.PROBLEM;
import static org.emporium.cart.Fixtures.freshSku;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.emporium.platform.testing.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Carts that belong to an account: only the owner (or an admin or a service) reaches them; no token
 * is a 401, another account's token a 404 like no cart at all; guest carts stay reachable by id.
 * Also "my cart", the merge at sign-in, and hostile strings in every field.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cart"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandInsResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class CartOwnershipIT {

    private static final List<String> HOSTILE = List.of("'; DROP TABLE cart; --", "'; DROP TABLE carts; --",
            "<script>alert(1)</script>", "1' OR '1'='1", "\"}{\"x\":1", "AUD-000001'--");

    @Inject
    DataSource dataSource;

    private static TestIdentity identity() {
        return IdentityTestResource.identity();
    }

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }

    private static String account() {
        return "acct-" + UUID.randomUUID();
    }

    private static String newCart(String token) {
        return as(token).post("/api/carts").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse add(String token, String cart, String sku, int quantity) {
        return as(token).contentType(ContentType.JSON).body("{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}")
                .post("/api/carts/" + cart + "/items").then();
    }

    private static ValidatableResponse merge(String token, String cart) {
        return as(token).contentType(ContentType.JSON).body("{\"cartId\":\"" + cart + "\"}")
                .post("/api/carts/mine/merge").then();
    }

    /** Every cart endpoint, each answering with the status given by who calls. */
    private static void everyEndpoint(String token, String cart, int status) {
        List<Function<RequestSpecification, io.restassured.response.Response>> calls = List.of(
                r -> r.get("/api/carts/" + cart),
                r -> r.contentType(ContentType.JSON).body("{\"sku\":\"AUD-000001\",\"quantity\":1}")
                        .post("/api/carts/" + cart + "/items"),
                r -> r.contentType(ContentType.JSON).body("{\"quantity\":2}").put("/api/carts/" + cart + "/items/AUD-000001"),
                r -> r.delete("/api/carts/" + cart + "/items/KIT-000001"),
                r -> r.delete("/api/carts/" + cart));
        for (int i = 0; i < calls.size(); i++) {
            int expected = status == 200 && i == calls.size() - 1 ? 204 : status; // clearing answers no content
            ValidatableResponse answer = calls.get(i).apply(as(token)).then().statusCode(expected);
            if (status >= 400) {
                answer.contentType(PROBLEM);
            }
        }
    }

    @Test
    void aCartCreatedWithATokenIsTheOwnersAndNobodyElses() {
        String owner = account();
        String cart = newCart(identity().customer(owner));
        add(identity().customer(owner), cart, "AUD-000001", 1).statusCode(200);
        add(identity().customer(owner), cart, "KIT-000001", 1).statusCode(200);

        // no token: 401 with a challenge
        as(null).get("/api/carts/" + cart).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", equalTo("Bearer"));
        everyEndpoint(null, cart, 401);

        // another customer: exactly like a cart that does not exist
        String other = identity().customer(account());
        String missingDetail = "no cart " + cart;
        as(other).get("/api/carts/" + cart).then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("title", equalTo("Not found")).body("detail", equalTo(missingDetail));
        String unknown = UUID.randomUUID().toString();
        as(other).get("/api/carts/" + unknown).then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Not found")).body("detail", equalTo("no cart " + unknown));
        everyEndpoint(other, cart, 404);

        // nothing changed by the refused calls
        as(identity().customer(owner)).get("/api/carts/" + cart).then().statusCode(200)
                .body("lines.sku", contains("AUD-000001", "KIT-000001")).body("version", equalTo(2));
        // admin and service may; the owner may
        as(identity().admin()).get("/api/carts/" + cart).then().statusCode(200).body("itemCount", equalTo(2));
        as(identity().service()).get("/api/carts/" + cart).then().statusCode(200);
        everyEndpoint(identity().customer(owner), cart, 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "anotherIssuer", "stranger", "tampered", "garbage"})
    void aBadTokenIsA401EvenForAGuestCart(String kind) {
        String sub = account();
        String token = switch (kind) {
            case "expired" -> identity().expired(sub);
            case "anotherIssuer" -> identity().fromAnotherIssuer(sub);
            case "stranger" -> identity().signedByAStranger(sub);
            case "tampered" -> identity().tampered(sub);
            default -> "not.a.jwt";
        };
        String owned = newCart(identity().customer(sub));
        String guest = newCart(null);
        for (String cart : List.of(owned, guest)) {
            as(token).get("/api/carts/" + cart).then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", containsString("invalid_token"));
            add(token, cart, "AUD-000001", 1).statusCode(401).contentType(PROBLEM);
        }
        as(token).post("/api/carts").then().statusCode(401).contentType(PROBLEM);
        as(token).get("/api/carts/mine").then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/carts/" + guest).then().statusCode(401);
    }

    @Test
    void aGuestCartWorksWithAndWithoutAToken() {
        String guest = newCart(null);
        add(null, guest, "AUD-000001", 1).statusCode(200);
        add(identity().customer(account()), guest, "AUD-000001", 1).statusCode(200).body("lines[0].quantity", equalTo(2));
        add(null, guest, "KIT-000001", 1).statusCode(200);
        as(identity().customer(account())).get("/api/carts/" + guest).then().statusCode(200);
        everyEndpoint(null, guest, 200);
        assertOwner(guest, null);
    }

    @Test
    void mineIsTheCallersLatestCartAndNeedsAToken() {
        given().get("/api/carts/mine").then().statusCode(401).contentType(PROBLEM);
        String owner = account();
        String token = identity().customer(owner);
        as(token).get("/api/carts/mine").then().statusCode(404).contentType(PROBLEM);
        String first = newCart(token);
        as(token).get("/api/carts/mine").then().statusCode(200).body("id", equalTo(first));
        String second = newCart(token);
        as(token).get("/api/carts/mine").then().statusCode(200).body("id", equalTo(second));
        add(token, first, "AUD-000001", 1).statusCode(200); // touched last: now the latest
        as(token).get("/api/carts/mine").then().statusCode(200).body("id", equalTo(first)).body("itemCount", equalTo(1));
        // not another account's, not a guest's
        as(identity().customer(account())).get("/api/carts/mine").then().statusCode(404);
        assertOwner(first, owner);
    }

    @Test
    void mergingIntoAnAccountWithoutACartMakesTheGuestCartTheirs() {
        String owner = account();
        String token = identity().customer(owner);
        String guest = newCart(null);
        add(null, guest, "AUD-000001", 2).statusCode(200);

        merge(token, guest).statusCode(200).body("id", equalTo(guest)).body("lines[0].quantity", equalTo(2));
        assertOwner(guest, owner);
        as(token).get("/api/carts/mine").then().statusCode(200).body("id", equalTo(guest));
        given().get("/api/carts/" + guest).then().statusCode(401); // no longer a guest cart
        // again: the same cart, nothing doubled
        merge(token, guest).statusCode(200).body("id", equalTo(guest)).body("lines[0].quantity", equalTo(2))
                .body("version", equalTo(1));
    }

    @Test
    void mergingIntoAnExistingCartSumsTheLinesEmptiesTheGuestCartAndIsIdempotent() {
        String owner = account();
        String token = identity().customer(owner);
        String shared = freshSku();
        String guestOnly = freshSku();
        StandInsResource.inventory().setAvailable(shared, 500);
        StandInsResource.inventory().setAvailable(guestOnly, 500);
        String mine = newCart(token);
        add(token, mine, shared, 3).statusCode(200);
        String guest = newCart(null);
        add(null, guest, shared, 2).statusCode(200);
        add(null, guest, guestOnly, 1).statusCode(200);

        merge(token, guest).statusCode(200).body("id", equalTo(mine))
                .body("lines.sku", contains(shared, guestOnly)).body("lines.quantity", contains(5, 1))
                .body("itemCount", equalTo(6)).body("version", equalTo(3));
        // the guest cart is emptied, closed and now the account's
        as(token).get("/api/carts/" + guest).then().statusCode(200).body("lines", hasSize(0));
        given().get("/api/carts/" + guest).then().statusCode(401);
        add(token, guest, shared, 1).statusCode(409).contentType(PROBLEM).body("detail", containsString(mine));

        // idempotent: a repeat changes nothing
        merge(token, guest).statusCode(200).body("id", equalTo(mine)).body("lines.quantity", contains(5, 1))
                .body("version", equalTo(3));
        // an unknown cart: the caller's cart as it is
        merge(token, UUID.randomUUID().toString()).statusCode(200).body("id", equalTo(mine)).body("version", equalTo(3));
        as(token).get("/api/carts/mine").then().statusCode(200).body("id", equalTo(mine));
    }

    @Test
    void concurrentMergesOfOneGuestCartAddItsLinesOnce() throws Exception {
        String token = identity().customer(account());
        String sku = freshSku();
        StandInsResource.inventory().setAvailable(sku, 500);
        String mine = newCart(token);
        add(token, mine, sku, 1).statusCode(200);
        String guest = newCart(null);
        add(null, guest, sku, 2).statusCode(200);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 6; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return merge(token, guest).extract().statusCode();
                }));
            }
            start.countDown();
        }
        for (var answer : answers) {
            org.assertj.core.api.Assertions.assertThat(answer.get()).isEqualTo(200);
        }
        as(token).get("/api/carts/mine").then().statusCode(200).body("id", equalTo(mine))
                .body("lines.quantity", contains(3)).body("version", equalTo(2));
    }

    @Test
    void aMergeTakesWhatFitsTheLineLimitAndTheStock() {
        String token = identity().customer(account());
        String big = freshSku();
        String scarce = freshSku();
        StandInsResource.inventory().setAvailable(big, 500);
        StandInsResource.inventory().setAvailable(scarce, 4);
        String mine = newCart(token);
        add(token, mine, big, 90).statusCode(200);
        add(token, mine, scarce, 3).statusCode(200);
        String guest = newCart(null);
        add(null, guest, big, 20).statusCode(200);
        add(null, guest, scarce, 3).statusCode(200);

        merge(token, guest).statusCode(200).body("lines.sku", contains(big, scarce)).body("lines.quantity", contains(99, 4));
    }

    @Test
    void mergingAnotherAccountsCartIsNotFoundAndChangesNothing() {
        String alice = identity().customer(account());
        String bob = identity().customer(account());
        String alicesCart = newCart(alice);
        add(alice, alicesCart, "AUD-000001", 1).statusCode(200);
        newCart(bob);

        merge(bob, alicesCart).statusCode(404).contentType(PROBLEM).body("detail", equalTo("no cart " + alicesCart));
        as(alice).get("/api/carts/" + alicesCart).then().statusCode(200).body("itemCount", equalTo(1));
        // merge needs a token; a malformed id is a 400 naming cartId
        merge(null, alicesCart).statusCode(401).contentType(PROBLEM);
        merge(bob, "not-a-uuid").statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("cartId"));
        as(bob).contentType(ContentType.JSON).body("{}").post("/api/carts/mine/merge").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("cartId"));
        as(bob).contentType(ContentType.JSON).body("nope").post("/api/carts/mine/merge").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void hostileStringsInEveryFieldAreRejectedAsBadRequestsNeverA500() {
        String token = identity().customer(account());
        String cart = newCart(token);
        for (String hostile : HOSTILE) {
            String json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(hostile).toString();
            as(token).contentType(ContentType.JSON).body("{\"sku\":" + json + ",\"quantity\":1}")
                    .post("/api/carts/" + cart + "/items").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("sku"));
            as(token).contentType(ContentType.JSON).body("{\"sku\":\"AUD-000001\",\"quantity\":" + json + "}")
                    .post("/api/carts/" + cart + "/items").then().statusCode(400).contentType(PROBLEM);
            as(token).contentType(ContentType.JSON).body("{\"cartId\":" + json + "}")
                    .post("/api/carts/mine/merge").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("cartId"));
            as(token).contentType(ContentType.JSON).body("{\"quantity\":1}")
                    .put("/api/carts/" + cart + "/items/{sku}", hostile).then().statusCode(not(equalTo(500)))
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 404)).contentType(PROBLEM);
            as(token).delete("/api/carts/" + cart + "/items/{sku}", hostile).then()
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 404)).contentType(PROBLEM);
            as(token).get("/api/carts/{id}", hostile).then().statusCode(org.hamcrest.Matchers.oneOf(400, 404))
                    .contentType(PROBLEM);
        }
        // the tables are all still there
        as(token).get("/api/carts/" + cart).then().statusCode(200).body("lines", hasSize(0));
    }

    private void assertOwner(String cart, String owner) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT owner FROM cart WHERE id = ?")) {
            s.setObject(1, UUID.fromString(cart));
            try (ResultSet rs = s.executeQuery()) {
                org.assertj.core.api.Assertions.assertThat(rs.next()).isTrue();
                org.assertj.core.api.Assertions.assertThat(rs.getString(1)).isEqualTo(owner);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
