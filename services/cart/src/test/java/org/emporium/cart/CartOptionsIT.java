package org.emporium.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.cart.Fixtures.PROBLEM;
import static org.emporium.cart.Fixtures.add;
import static org.emporium.cart.Fixtures.freshTee;
import static org.emporium.cart.Fixtures.newCart;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.platform.testing.EventContract;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, variants: a line is a SKU with the options chosen for it. The catalog stand-in offers
 * every {@code TEE-<n>} in sizes XS-XL; the same test resources as CartEventsIT, so Quarkus reuses
 * the running application.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cart"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(StandInsResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class CartOptionsIT {

    private static final EventContract EVENTS = EventContract.of("cart.cart.v1");

    @Inject
    DataSource dataSource;

    @Test
    void aProductWithSizesNeedsOneOfThemAndAWrongChoiceIsABadRequestNamingTheAllowedOnes() {
        String cart = newCart();
        String tee = freshTee();
        Fixtures.add(cart, tee, 1).statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("Choose a size: XS, S, M, L, XL"))
                .body("errors[0].field", equalTo("options.size"));
        addWith(cart, tee, "{}").statusCode(400).body("errors[0].field", equalTo("options.size"));
        addWith(cart, tee, "{\"size\":null}").statusCode(400).body("detail", equalTo("Choose a size: XS, S, M, L, XL"));
        add(cart, tee, "XXXL", 1).statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("No size 'XXXL' for " + tee + ". Choose a size: XS, S, M, L, XL"))
                .body("errors[0].field", equalTo("options.size"));
        addWith(cart, tee, "{\"size\":\"M\",\"colour\":\"red\"}").statusCode(400)
                .body("errors[0].field", equalTo("options.colour"));
        addWith(cart, "KIT-000001", "{\"size\":\"M\"}").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("options")).body("detail", containsString("has no options"));
        addWith(cart, tee, "[\"M\"]").statusCode(400).contentType(PROBLEM);
        given().get("/api/carts/" + cart).then().body("lines", hasSize(0)).body("version", equalTo(0));

        // a product without options: none, or an empty object, is the same line
        addWith(cart, "KIT-000001", "{}").statusCode(200);
        Fixtures.add(cart, "KIT-000001", 1).statusCode(200).body("lines", hasSize(1))
                .body("lines[0].quantity", equalTo(2)).body("lines[0].options", equalTo(Map.of()));
        add(cart, tee, "M", 1).statusCode(200).body("lines[1].sku", equalTo(tee))
                .body("lines[1].options", equalTo(Map.of("size", "M"))).body("lines[1].name", equalTo("T-shirt " + tee))
                .body("lines[1].unitPrice.amount", equalTo("15.00"));
    }

    @Test
    void twoSizesOfOneSkuAreTwoLinesChangedAndRemovedByTheirOptions() {
        String cart = newCart();
        String tee = freshTee();
        add(cart, tee, "M", 1).statusCode(200);
        add(cart, tee, "L", 2).statusCode(200);
        add(cart, tee, "M", 1).statusCode(200)
                .body("lines.sku", contains(tee, tee))
                .body("lines.options.size", contains("M", "L"))
                .body("lines.quantity", contains(2, 2))
                .body("itemCount", equalTo(4)).body("total.amount", equalTo("60.00"));

        setWith(cart, tee, List.of("size:L"), 5).statusCode(200)
                .body("lines.quantity", contains(2, 5)).body("lines[1].lineTotal.amount", equalTo("75.00"));
        // no option: the line without options, which the cart doesn't hold
        setWith(cart, tee, List.of(), 1).statusCode(404).contentType(PROBLEM);
        setWith(cart, tee, List.of("size:S"), 1).statusCode(404).contentType(PROBLEM)
                .body("detail", containsString(tee + " (size S)"));
        setWith(cart, tee, List.of("size"), 1).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("option"));
        setWith(cart, tee, List.of("size:M", "size:L"), 1).statusCode(400).body("errors[0].field", equalTo("option"));

        given().delete("/api/carts/" + cart + "/items/" + tee).then().statusCode(404).contentType(PROBLEM);
        given().queryParam("option", "size:M").delete("/api/carts/" + cart + "/items/" + tee).then().statusCode(200)
                .body("lines", hasSize(1)).body("lines[0].options.size", equalTo("L")).body("lines[0].quantity", equalTo(5));
        given().get("/api/carts/" + cart).then().body("lines.options.size", contains("L"));
    }

    @Test
    void stockIsPerSkuSoItsLinesInEverySizeShareIt() {
        String cart = newCart();
        String tee = freshTee();
        StandInsResource.inventory().setAvailable(tee, 3);
        add(cart, tee, "M", 2).statusCode(200).body("lines[0].available", equalTo(3)).body("lines[0].inStock", equalTo(true));
        add(cart, tee, "L", 2).statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("only 3 of " + tee + " available; its lines would hold 4"));
        add(cart, tee, "L", 1).statusCode(200).body("lines.inStock", contains(true, true));
        StandInsResource.inventory().setAvailable(tee, 2);
        given().header("Cache-Control", "no-cache").get("/api/carts/" + cart).then()
                .body("lines.inStock", contains(false, false));
    }

    @Test
    void withTheCatalogDownAnAddWithOptionsIsRefusedAsAnyAddIs() {
        String cart = newCart();
        StandInsResource.catalog().failWith(503);
        try {
            add(cart, freshTee(), "M", 1).statusCode(503).contentType(PROBLEM);
        } finally {
            StandInsResource.catalog().recover();
        }
    }

    @Test
    void aMergeAtSignInMergesBySkuAndOptionsAndEveryLineEventCarriesItsOptions() {
        String tee = freshTee();
        String token = "Bearer " + IdentityTestResource.identity().customer("variants-" + UUID.randomUUID());
        String mine = given().header("Authorization", token).post("/api/carts").then().statusCode(201).extract().path("id");
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + tee + "\",\"quantity\":1,\"options\":{\"size\":\"M\"}}")
                .post("/api/carts/" + mine + "/items").then().statusCode(200);
        String guest = newCart();
        add(guest, tee, "M", 2).statusCode(200);
        add(guest, tee, "XL", 1).statusCode(200);
        setWith(guest, tee, List.of("size:XL"), 3).statusCode(200);
        given().queryParam("option", "size:XL").delete("/api/carts/" + guest + "/items/" + tee).then().statusCode(200);
        add(guest, tee, "S", 1).statusCode(200);

        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"cartId\":\"" + guest + "\"}")
                .post("/api/carts/mine/merge").then().statusCode(200)
                .body("id", equalTo(mine))
                .body("lines.options.size", contains("M", "S"))
                .body("lines.quantity", contains(3, 1));

        Map<String, List<JsonNode>> byKey = EVENTS.readToEndOnceOutboxEmpty(dataSource);
        List<JsonNode> ofGuest = byKey.get(guest);
        assertThat(EVENTS.types(ofGuest)).containsExactly("ItemAddedToCart", "ItemAddedToCart", "ItemQuantityChanged",
                "ItemRemovedFromCart", "ItemAddedToCart", "CartCleared");
        assertThat(ofGuest.subList(0, 5)).extracting(e -> e.at("/data/options/size").asText())
                .containsExactly("M", "XL", "XL", "XL", "S");
        List<JsonNode> ofMine = byKey.get(mine);
        assertThat(EVENTS.types(ofMine)).containsExactly("ItemAddedToCart", "ItemAddedToCart", "ItemAddedToCart");
        assertThat(ofMine).extracting(e -> e.at("/data/options/size").asText()).containsExactly("M", "M", "S");
        assertThat(ofMine.get(1).at("/data/lineQuantity").asInt()).isEqualTo(3);
    }

    private static ValidatableResponse addWith(String cart, String sku, String options) {
        return given().contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"quantity\":1,\"options\":" + options + "}")
                .post("/api/carts/" + cart + "/items").then();
    }

    private static ValidatableResponse setWith(String cart, String sku, List<String> options, int quantity) {
        var request = given().contentType(ContentType.JSON).body("{\"quantity\":" + quantity + "}");
        for (String option : options) {
            request = request.queryParam("option", option);
        }
        return request.put("/api/carts/" + cart + "/items/" + sku).then();
    }
}
