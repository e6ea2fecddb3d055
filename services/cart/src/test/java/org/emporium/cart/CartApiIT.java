package org.emporium.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.emporium.cart.Fixtures.PROBLEM;
import static org.emporium.cart.Fixtures.add;
import static org.emporium.cart.Fixtures.freshSku;
import static org.emporium.cart.Fixtures.newCart;
import static org.emporium.cart.Fixtures.set;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.cart.persistence.CartExpiry;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cart"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandInsResource.class)
class CartApiIT {

    @Inject
    DataSource dataSource;

    @Inject
    CartExpiry expiry;

    @Test
    void aCartIsCreatedFilledChangedAndClearedWithPricesAndTotalsFromTheCatalog() {
        String location = given().post("/api/carts").then().statusCode(201).extract().header("Location");
        String cart = location.substring(location.lastIndexOf('/') + 1);
        given().get("/api/carts/" + cart).then().statusCode(200)
                .body("id", equalTo(cart)).body("lines", hasSize(0)).body("itemCount", equalTo(0))
                .body("total.amount", equalTo("0.00")).body("total.currency", equalTo("USD"))
                .body("partial", equalTo(false)).body("version", equalTo(0));

        add(cart, "AUD-000001", 2).statusCode(200).body("lines[0].quantity", equalTo(2));
        add(cart, "KIT-000001", 1).statusCode(200);
        add(cart, "AUD-000001", 1).statusCode(200).body("lines[0].quantity", equalTo(3));
        given().get(location).then().statusCode(200)
                .body("lines.sku", contains("AUD-000001", "KIT-000001"))
                .body("lines[0].name", equalTo("Audio Thing 01"))
                .body("lines[0].unitPrice.amount", equalTo("10.99")).body("lines[0].unitPrice.currency", equalTo("USD"))
                .body("lines[0].lineTotal.amount", equalTo("32.97"))
                .body("lines[0].available", equalTo(50)).body("lines[0].inStock", equalTo(true))
                .body("lines[1].lineTotal.amount", equalTo("24.00"))
                .body("total.amount", equalTo("56.97")).body("total.currency", equalTo("USD"))
                .body("itemCount", equalTo(4)).body("partial", equalTo(false)).body("version", equalTo(3));

        set(cart, "AUD-000001", 5).statusCode(200).body("lines[0].lineTotal.amount", equalTo("54.95"))
                .body("total.amount", equalTo("78.95"));
        given().delete("/api/carts/" + cart + "/items/KIT-000001").then().statusCode(200)
                .body("lines.sku", contains("AUD-000001")).body("total.amount", equalTo("54.95"));
        given().delete("/api/carts/" + cart).then().statusCode(204);
        given().get("/api/carts/" + cart).then().statusCode(200)
                .body("lines", hasSize(0)).body("total.amount", equalTo("0.00")).body("version", equalTo(6));
    }

    /** A change answers the locked cart with the change applied, not read again: the same as a read after it. */
    @Test
    void eachChangeAnswersTheCartThatAReadThenFinds() throws Exception {
        String cart = newCart();
        String first = freshSku();
        String second = freshSku();
        List<String> answers = List.of(
                add(cart, first, 2).statusCode(200).extract().asString(),
                add(cart, second, 1).statusCode(200).extract().asString(),
                add(cart, first, 1).statusCode(200).extract().asString(),
                set(cart, second, 4).statusCode(200).extract().asString(),
                given().delete("/api/carts/" + cart + "/items/" + first).then().statusCode(200).extract().asString());
        List<String> lines = List.of(first + "×2", first + "×2 " + second + "×1", first + "×3 " + second + "×1",
                first + "×3 " + second + "×4", second + "×4");
        for (int i = 0; i < answers.size(); i++) {
            JsonNode answer = JSON.readTree(answers.get(i));
            assertThat(answer.get("version").asInt()).as("change %d", i).isEqualTo(i + 1);
            assertThat(lines(answer)).as("change %d", i).isEqualTo(lines.get(i));
        }
        JsonNode read = JSON.readTree(given().get("/api/carts/" + cart).then().statusCode(200)
                .extract().asString());
        assertThat(read).isEqualTo(JSON.readTree(answers.getLast()));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String lines(JsonNode cart) {
        List<String> lines = new ArrayList<>();
        cart.get("lines").forEach(line -> lines.add(line.get("sku").asText() + "×" + line.get("quantity").asInt()));
        return String.join(" ", lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "100", "1000000", "null"})
    void aQuantityOutsideOneToNinetyNineIsABadRequestNamingQuantity(String quantity) {
        String cart = newCart();
        add(cart, "AUD-000001", quantity).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("quantity"));
        add(cart, "AUD-000001", 1).statusCode(200);
        set(cart, "AUD-000001", quantity).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void unreadableBodiesAreBadRequests() {
        String cart = newCart();
        for (String body : List.of("not json", "{\"sku\":\"AUD-000001\",\"quantity\":\"x\"}", "{\"quantity\":1}", "")) {
            given().contentType(ContentType.JSON).body(body).post("/api/carts/" + cart + "/items")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        given().contentType(ContentType.JSON).body("{}").put("/api/carts/" + cart + "/items/AUD-000001")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnknownSkuIsUnprocessableAndAMalformedOneABadRequest() {
        String cart = newCart();
        add(cart, "NOPE-404", 1).statusCode(422).contentType(PROBLEM).body("detail", containsString("unknown SKU"));
        add(cart, "lower-case", 1).statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("sku"));
        given().get("/api/carts/" + cart).then().body("lines", hasSize(0)).body("version", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "123", "0-0-0-0-0", "%00"})
    void aMalformedCartIdIsABadRequest(String id) {
        given().urlEncodingEnabled(false).get("/api/carts/" + id).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        add(id, "AUD-000001", 1).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnknownCartIsNotFoundWhateverTheOperation() {
        String unknown = UUID.randomUUID().toString();
        given().get("/api/carts/" + unknown).then().statusCode(404).contentType(PROBLEM);
        add(unknown, "AUD-000001", 1).statusCode(404).contentType(PROBLEM);
        set(unknown, "AUD-000001", 1).statusCode(404).contentType(PROBLEM);
        given().delete("/api/carts/" + unknown + "/items/AUD-000001").then().statusCode(404).contentType(PROBLEM);
        given().delete("/api/carts/" + unknown).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aLineTheCartDoesNotHoldIsNotFound() {
        String cart = newCart();
        set(cart, "AUD-000002", 1).statusCode(404).contentType(PROBLEM).body("detail", containsString("AUD-000002"));
        given().delete("/api/carts/" + cart + "/items/AUD-000002").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void moreThanTheAvailableStockIsUnprocessable() {
        String sku = freshSku();
        StandInsResource.inventory().setAvailable(sku, 3);
        String cart = newCart();
        add(cart, sku, 2).statusCode(200).body("lines[0].available", equalTo(3)).body("lines[0].inStock", equalTo(true));
        add(cart, sku, 2).statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("only 3 of " + sku + " available")).body("errors[0].field", equalTo("quantity"));
        set(cart, sku, 4).statusCode(422).contentType(PROBLEM);
        set(cart, sku, 3).statusCode(200).body("lines[0].quantity", equalTo(3));
        // stock dropped below the line: the cart read afresh shows it short, and reducing is still fine
        StandInsResource.inventory().setAvailable(sku, 1);
        given().header("Cache-Control", "no-cache").get("/api/carts/" + cart).then().statusCode(200)
                .body("lines[0].available", equalTo(1)).body("lines[0].inStock", equalTo(false));
        set(cart, sku, 2).statusCode(200).body("lines[0].inStock", equalTo(false));

        String gone = freshSku();
        StandInsResource.inventory().setAvailable(gone, 0);
        add(cart, gone, 1).statusCode(422).contentType(PROBLEM).body("detail", containsString("out of stock"));
    }

    @Test
    void aChangeAsksInventoryOnlyAboutSkusItHasNotAskedAboutLately() {
        String cart = newCart();
        String first = freshSku();
        String second = freshSku();
        StandInsResource.inventory().setAvailable(first, 7);
        StandInsResource.inventory().setAvailable(second, 9);
        add(cart, first, 1).statusCode(200);
        int before = StandInsResource.inventory().requests();
        add(cart, second, 2).statusCode(200).body("lines", hasSize(2))
                .body("lines.find { it.sku == '" + first + "' }.available", equalTo(7))
                .body("lines.find { it.sku == '" + second + "' }.available", equalTo(9));
        assertThat(StandInsResource.inventory().requests() - before).isEqualTo(1);
        before = StandInsResource.inventory().requests();
        // both kept (emporium.cart.stock-cache-ttl): the next change asks nothing
        set(cart, first, 3).statusCode(200).body("lines.find { it.sku == '" + second + "' }.available", equalTo(9));
        assertThat(StandInsResource.inventory().requests() - before).isEqualTo(0);
        // read afresh: every line's SKU in one call
        StandInsResource.inventory().setAvailable(second, 4);
        given().header("Cache-Control", "no-cache").get("/api/carts/" + cart).then().statusCode(200)
                .body("lines.find { it.sku == '" + second + "' }.available", equalTo(4));
        assertThat(StandInsResource.inventory().requests() - before).isEqualTo(1);
    }

    @Test
    void aLineHoldsAtMost99AndACartAtMost50Lines() {
        String cart = newCart();
        String sku = freshSku();
        StandInsResource.inventory().setAvailable(sku, 500);
        add(cart, sku, 60).statusCode(200);
        add(cart, sku, 40).statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("quantity"))
                .body("detail", containsString("at most 99"));
        for (int i = 1; i < 50; i++) {
            add(cart, freshSku(), 1).statusCode(200);
        }
        add(cart, freshSku(), 1).statusCode(422).contentType(PROBLEM).body("detail", containsString("at most 50 lines"));
        add(cart, sku, 1).statusCode(200).body("lines", hasSize(50)); // an existing line still grows
    }

    @Test
    void withTheCatalogDownTheCartShowsWhatItKeptThenPartiallyButNothingNewCanBeAdded() {
        String cart = newCart();
        add(cart, "AUD-000002", 1).statusCode(200);
        StandInsResource.catalog().failWith(503);
        try {
            // the product the add just read is kept for a few seconds (2 s in tests)
            given().get("/api/carts/" + cart).then().statusCode(200)
                    .body("partial", equalTo(false)).body("lines[0].name", notNullValue());
            // asked afresh (as orders does), or once that is over: shown without names and prices
            given().header("Cache-Control", "no-cache").get("/api/carts/" + cart).then().statusCode(200)
                    .body("partial", equalTo(true)).body("lines[0].sku", equalTo("AUD-000002"))
                    .body("lines[0].name", nullValue()).body("lines[0].unitPrice", nullValue())
                    .body("lines[0].available", equalTo(50)).body("total", nullValue()).body("itemCount", equalTo(1));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/carts/" + cart).then()
                    .statusCode(200).body("partial", equalTo(true)).body("lines[0].name", nullValue()));
            add(cart, freshSku(), 1).statusCode(503).contentType(PROBLEM);
        } finally {
            StandInsResource.catalog().recover();
        }
        given().get("/api/carts/" + cart).then().statusCode(200).body("partial", equalTo(false))
                .body("total.amount", equalTo("249.50"));
    }

    @Test
    void withInventoryDownAnAddIsAcceptedUncheckedAndShownWithoutAvailability() {
        String cart = newCart();
        String sku = freshSku(); // no availability kept for it
        StandInsResource.inventory().failWith(503);
        try {
            add(cart, sku, 2).statusCode(200)
                    .body("partial", equalTo(true)).body("lines[0].available", nullValue())
                    .body("lines[0].inStock", nullValue()).body("lines[0].name", equalTo("Anything " + sku))
                    .body("total.amount", notNullValue());
        } finally {
            StandInsResource.inventory().recover();
        }
    }

    @Test
    void cartsUntouchedFor30DaysExpireOthersStay() throws Exception {
        String old = newCart();
        add(old, "AUD-000001", 1).statusCode(200);
        String recent = newCart();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE cart SET updated_at = now() - interval '31 days' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(old));
            s.executeUpdate();
        }
        expiry.expireNow();
        given().get("/api/carts/" + old).then().statusCode(404);
        given().get("/api/carts/" + recent).then().statusCode(200);
    }

    @Test
    void theLocationNamesTheNewCart() {
        var created = given().post("/api/carts").then().statusCode(201).contentType(ContentType.JSON).extract();
        String id = created.path("id");
        org.assertj.core.api.Assertions.assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        org.assertj.core.api.Assertions.assertThat(created.header("Location")).endsWith("/api/carts/" + id);
    }
}
