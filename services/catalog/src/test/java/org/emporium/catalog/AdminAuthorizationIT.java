package org.emporium.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.emporium.platform.testing.Auth.AdminEndpoint;
import org.emporium.platform.testing.AdminEndpointsContract;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Catalog writes need an admin's (or a service's) bearer access token: anonymous, customer and
 * bad tokens are refused on every write, reads stay public, and hostile text in any field of a
 * product is stored and answered verbatim, as data, or refused with a 400 — never a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
@QuarkusTestResource(IdentityTestResource.class)
class AdminAuthorizationIT extends AdminEndpointsContract {

    private static final String PRODUCTS = "/api/catalog/products";
    private static final AtomicInteger SKUS = new AtomicInteger();

    @Override
    protected Stream<AdminEndpoint> endpoints() {
        return Stream.of(
                new AdminEndpoint("POST " + PRODUCTS, 201,
                        request -> request.contentType(ContentType.JSON).body(product()).post(PRODUCTS)),
                new AdminEndpoint("PUT " + PRODUCTS + "/{id}", 200,
                        request -> request.contentType(ContentType.JSON).body(product()).put(PRODUCTS + "/" + existing())),
                new AdminEndpoint("DELETE " + PRODUCTS + "/{id}", 204,
                        request -> request.delete(PRODUCTS + "/" + existing())));
    }


    @Test
    void readsStayPublicForAnyoneAndForCustomers() {
        String id = existing();
        given().get(PRODUCTS + "/" + id).then().statusCode(200);
        given().get("/api/catalog/categories").then().statusCode(200);
        Auth.bearer(IdentityTestResource.identity().customer("customer-0001")).queryParam("size", 1).get(PRODUCTS)
                .then().statusCode(200);
    }

    static Stream<Arguments> hostileFields() {
        return Stream.of("sku", "name", "description", "brand", "category", "price.amount", "price.currency",
                "imageUrl", "attribute name", "attribute value")
                .flatMap(field -> Auth.HOSTILE.stream().map(text -> Arguments.of(field, text)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("hostileFields")
    void hostileTextIsStoredVerbatimOrRefusedNeverA500(String field, String text) {
        Map<String, Object> body = product();
        put(body, field, text);
        Response created = Auth.asAdmin().contentType(ContentType.JSON).body(body).post(PRODUCTS);
        String id = assertVerbatimOrRefused(created, 201, field, text);
        Response replaced = Auth.asAdmin().contentType(ContentType.JSON).body(body)
                .put(PRODUCTS + "/" + (id != null ? id : existing()));
        assertVerbatimOrRefused(replaced, 200, field, text);
        // the table is still there and still answers
        given().queryParam("size", 1).get(PRODUCTS).then().statusCode(200).body("total", greaterThanOrEqualTo(2000));
        if (id != null && field.equals("brand")) {
            given().queryParam("brand", text).get(PRODUCTS).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        }
    }

    /** A 400 problem, or the status of a success with the text answered and read back as it was sent; the id or null. */
    private static String assertVerbatimOrRefused(Response response, int success, String field, String text) {
        assertThat(response.statusCode()).as("%s = %s: %s", field, text, response.asString()).isIn(success, 400);
        if (response.statusCode() == 400) {
            response.then().contentType("application/problem+json").body("status", equalTo(400));
            return null;
        }
        response.then().contentType(ContentType.JSON);
        String id = response.path("id");
        assertThat(read(response.jsonPath(), field)).isEqualTo(text);
        assertThat(read(given().get(PRODUCTS + "/" + id).then().statusCode(200).extract().jsonPath(), field))
                .isEqualTo(text);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String field, String text) {
        switch (field) {
            case "price.amount", "price.currency" ->
                    ((Map<String, Object>) body.get("price")).put(field.substring("price.".length()), text);
            case "attribute name" -> body.put("attributes", Map.of(text, "red"));
            case "attribute value" -> body.put("attributes", Map.of("color", text));
            default -> body.put(field, text);
        }
    }

    private static String read(JsonPath product, String field) {
        return switch (field) {
            case "attribute name" -> product.getMap("attributes").keySet().iterator().next().toString();
            case "attribute value" -> product.getString("attributes.color");
            default -> product.getString(field);
        };
    }

    /** A valid product body of a SKU no other test uses. */
    private static Map<String, Object> product() {
        String sku = "TST-AUTH-" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xfffff).toUpperCase() + "-"
                + SKUS.incrementAndGet();
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("name", "Guarded widget " + sku);
        body.put("description", "A widget for the authorization tests.");
        body.put("brand", "Testco");
        body.put("category", given().get("/api/catalog/categories").jsonPath().getString("items[0].slug"));
        body.put("price", new HashMap<>(Map.of("amount", "3.50", "currency", "USD")));
        body.put("imageUrl", "/images/widget.png");
        body.put("attributes", Map.of("color", "red"));
        return body;
    }

    /** The id of a product created for this call alone. */
    private static String existing() {
        return Auth.asAdmin().contentType(ContentType.JSON).body(product()).post(PRODUCTS).then().statusCode(201)
                .extract().path("id");
    }
}
