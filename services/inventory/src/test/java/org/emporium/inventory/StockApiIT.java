package org.emporium.inventory;

import static io.restassured.RestAssured.given;
import static org.emporium.inventory.Fixtures.PROBLEM;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "inventory"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class StockApiIT {

    @Test
    void listsSeveralSkusAndNamesTheUnknownOnesApart() {
        String a = Fixtures.stockedSku(4);
        String b = Fixtures.stockedSku(0);
        given().queryParam("skus", b + "," + a + ",NOPE-404," + a).get("/api/inventory").then().statusCode(200)
                .body("items.sku", contains(List.of(a, b).stream().sorted().toArray()))
                .body("unknown", contains("NOPE-404"));
    }

    @Test
    void theAdminSetsStockButNeverBelowWhatIsReserved() {
        String sku = Fixtures.stockedSku(5);
        Auth.asService().contentType(ContentType.JSON).body(Fixtures.reservation(UUID.randomUUID(), sku, 3))
                .post("/api/inventory/reservations").then().statusCode(201);
        Auth.asAdmin().contentType(ContentType.JSON).body("{\"onHand\":2}")
                .put("/api/inventory/" + sku).then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString("3 units are reserved"));
        Auth.asAdmin().contentType(ContentType.JSON).body("{\"onHand\":8}")
                .put("/api/inventory/" + sku).then().statusCode(200)
                .body("onHand", equalTo(8)).body("reserved", equalTo(3)).body("available", equalTo(5));
        given().get("/api/inventory/" + sku).then().statusCode(200).body("available", equalTo(5)).body("reserved", equalTo(3));
    }

    @Test
    void anUnknownSkuIsNotFound() {
        given().get("/api/inventory/NOPE-404").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("NOPE-404"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lower-case", "A", "%00AB", "TOO-LONG-0123456789-0123456789-0123456789"})
    void aMalformedSkuIsABadRequest(String sku) {
        given().urlEncodingEnabled(false).get("/api/inventory/" + sku).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badListsAndBodiesAreBadRequests() {
        given().get("/api/inventory").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("skus"));
        given().queryParam("skus", "ABC-1,,ABC-2").get("/api/inventory").then().statusCode(400).contentType(PROBLEM);
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "SKU-" + i).collect(Collectors.joining(","));
        given().queryParam("skus", tooMany).get("/api/inventory").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("at most 100"));
        for (String body : List.of("{\"onHand\":-1}", "{\"onHand\":\"x\"}", "{}", "not json", "{\"onHand\":1000001}")) {
            Auth.asAdmin().contentType(ContentType.JSON).body(body).put("/api/inventory/ABC-1")
                    .then().statusCode(400).contentType(PROBLEM);
        }
    }
}
