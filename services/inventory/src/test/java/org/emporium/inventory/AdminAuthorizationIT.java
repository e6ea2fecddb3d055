package org.emporium.inventory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.inventory.Fixtures.PROBLEM;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.emporium.platform.testing.Auth.AdminEndpoint;
import org.emporium.platform.testing.AdminEndpointsContract;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.KafkaTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stock writes and every reservation call need an admin's (or a service's) bearer access token:
 * anonymous, customer and bad tokens are refused; stock reads stay public; hostile text in any string field of the write APIs
 * (stock and reservations) is refused with a 400 problem — never a 500 — and the tables still work.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "inventory"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(IdentityTestResource.class)
class AdminAuthorizationIT extends AdminEndpointsContract {

    @Override
    protected Stream<AdminEndpoint> endpoints() {
        return Stream.of(
                new AdminEndpoint("PUT /api/inventory/{sku}", 200, request -> request
                        .contentType(ContentType.JSON).body("{\"onHand\":7}").put("/api/inventory/" + Fixtures.stockedSku(3))),
                // the saga's calls: reserving is the walk-around (99 units for two hours, no token)
                new AdminEndpoint("POST /api/inventory/reservations", 201, request -> request.contentType(ContentType.JSON)
                        .body(Fixtures.reservation(UUID.randomUUID(), Fixtures.stockedSku(2), 1)).post("/api/inventory/reservations")),
                new AdminEndpoint("GET /api/inventory/reservations/{id}", 200, request -> request
                        .get("/api/inventory/reservations/" + reserved())),
                new AdminEndpoint("POST /api/inventory/reservations/{id}/commit", 200, request -> request
                        .post("/api/inventory/reservations/" + reserved() + "/commit")),
                new AdminEndpoint("POST /api/inventory/reservations/{id}/release", 200, request -> request
                        .post("/api/inventory/reservations/" + reserved() + "/release")));
    }

    /** A fresh reservation of one unit, made as a service. */
    private static UUID reserved() {
        UUID id = UUID.randomUUID();
        Auth.asService().contentType(ContentType.JSON).body(Fixtures.reservation(id, Fixtures.stockedSku(2), 1))
                .post("/api/inventory/reservations").then().statusCode(201);
        return id;
    }

    @Override
    protected void assertSucceeded(AdminEndpoint endpoint, Response response) {
        if (endpoint.name().startsWith("PUT")) {
            response.then().statusCode(endpoint.success()).body("onHand", equalTo(7));
        } else {
            response.then().statusCode(endpoint.success()).body("status", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void stockReadsStayOpenToAnyoneAndToCustomers() {
        String sku = Fixtures.stockedSku(2);
        given().get("/api/inventory/" + sku).then().statusCode(200).body("available", equalTo(2));
        Auth.bearer(IdentityTestResource.identity().customer("customer-0001")).queryParam("skus", sku)
                .get("/api/inventory").then().statusCode(200);
    }

    static Stream<String> hostile() {
        return Auth.HOSTILE.stream();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTextInAStockWriteIsA400NeverA500(String text) {
        assertBadRequest(Auth.asAdmin().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"onHand\":1}")
                .put("/api/inventory/" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20")));
        assertBadRequest(Auth.asAdmin().contentType(ContentType.JSON).body(Map.of("onHand", text))
                .put("/api/inventory/" + Fixtures.stockedSku(1)));
        assertStillWorks();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTextInAReservationIsA400NeverA500(String text) {
        String sku = Fixtures.stockedSku(5);
        for (String field : List.of("id", "lines[0].sku", "lines[0].quantity", "ttlSeconds")) {
            Map<String, Object> line = new HashMap<>(Map.of("sku", sku, "quantity", 1));
            Map<String, Object> body = new HashMap<>(Map.of("id", UUID.randomUUID().toString(), "lines", List.of(line)));
            switch (field) {
                case "lines[0].sku" -> line.put("sku", text);
                case "lines[0].quantity" -> line.put("quantity", text);
                default -> body.put(field, text);
            }
            assertBadRequest(Auth.asService().contentType(ContentType.JSON).body(body).post("/api/inventory/reservations"));
        }
        assertBadRequest(given().queryParam("skus", text).get("/api/inventory"));
        assertThat(Fixtures.available(sku)).isEqualTo(5);
        assertStillWorks();
    }

    private static void assertBadRequest(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        response.then().contentType(PROBLEM).body("status", equalTo(400));
    }

    /** The stock and reservation tables are there and answer. */
    private static void assertStillWorks() {
        String sku = Fixtures.stockedSku(2);
        Auth.asService().contentType(ContentType.JSON).body(Fixtures.reservation(UUID.randomUUID(), sku, 2))
                .post("/api/inventory/reservations").then().statusCode(201);
        assertThat(Fixtures.available(sku)).isZero();
    }
}
