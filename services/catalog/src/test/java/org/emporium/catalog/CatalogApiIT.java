package org.emporium.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.List;
import org.emporium.platform.testing.Auth;
import org.emporium.platform.testing.IdentityTestResource;
import org.emporium.platform.testing.PostgresTestResource;
import org.emporium.platform.testing.RawHttp;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
@QuarkusTestResource(IdentityTestResource.class)
class CatalogApiIT {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void listsAPageOfTheSeededCatalog() {
        given().queryParam("size", 5).get("/api/catalog/products").then()
                .statusCode(200)
                .body("items", hasSize(5))
                .body("page", equalTo(0))
                .body("size", equalTo(5))
                .body("total", greaterThanOrEqualTo(2000))
                .body("items[0].price.amount", org.hamcrest.Matchers.matchesPattern("\\d+\\.\\d{2}"))
                .body("items[0].price.currency", equalTo("USD"));
    }

    @Test
    void seedsAtLeastTenCategoriesWithProductCounts() {
        List<Integer> counts = given().get("/api/catalog/categories").then().statusCode(200)
                .extract().jsonPath().getList("items.productCount", Integer.class);
        assertThat(counts).hasSizeGreaterThanOrEqualTo(10).allMatch(c -> c > 0);
    }

    @Test
    void filtersByCategoryAndPriceRange() {
        String category = given().get("/api/catalog/categories").jsonPath().getString("items[0].slug");
        List<String> amounts = given().queryParams("category", category, "minPrice", "20", "maxPrice", "200", "size", 100)
                .get("/api/catalog/products").then().statusCode(200)
                .body("items.category", everyItem(equalTo(category)))
                .extract().jsonPath().getList("items.price.amount", String.class);
        assertThat(amounts).isNotEmpty().allSatisfy(a -> assertThat(new BigDecimal(a)).isBetween(
                new BigDecimal("20"), new BigDecimal("200")));
    }

    @Test
    void sortsByPriceBothWays() {
        List<BigDecimal> ascending = prices("price");
        List<BigDecimal> descending = prices("-price");
        assertThat(ascending).isSortedAccordingTo(BigDecimal::compareTo);
        assertThat(descending).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(descending.get(0)).isGreaterThan(ascending.get(0));
    }

    @Test
    void pagesDoNotOverlap() {
        List<String> first = given().queryParams("size", 10, "page", 0).get("/api/catalog/products").jsonPath().getList("items.id");
        List<String> second = given().queryParams("size", 10, "page", 1).get("/api/catalog/products").jsonPath().getList("items.id");
        assertThat(first).hasSize(10).doesNotContainAnyElementsOf(second);
    }

    @Test
    void findsAProductByIdAndBySku() {
        var product = given().queryParam("size", 1).get("/api/catalog/products").jsonPath();
        String id = product.getString("items[0].id");
        String sku = product.getString("items[0].sku");
        given().get("/api/catalog/products/" + id).then().statusCode(200).body("sku", equalTo(sku));
        given().get("/api/catalog/products/sku/" + sku).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void unknownProductIsA404Problem() {
        given().get("/api/catalog/products/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().get("/api/catalog/products/sku/NOPE-000000").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badListingParametersAre400ProblemsNamingTheField() {
        expectInvalid(given().get("/api/catalog/products/not-a-uuid"), "id");
        expectInvalid(given().queryParam("size", 0).get("/api/catalog/products"), "size");
        expectInvalid(given().queryParam("size", 101).get("/api/catalog/products"), "size");
        expectInvalid(given().queryParam("size", "abc").get("/api/catalog/products"), "size");
        expectInvalid(given().queryParam("page", -1).get("/api/catalog/products"), "page");
        expectInvalid(given().queryParam("sort", "popularity").get("/api/catalog/products"), "sort");
        expectInvalid(given().queryParam("minPrice", "-1").get("/api/catalog/products"), "minPrice");
        expectInvalid(given().queryParams("minPrice", "50", "maxPrice", "10").get("/api/catalog/products"), "minPrice");
    }

    @Test
    void createsReplacesAndDeletesAProductWithAnAdminToken() {
        String id = Auth.asAdmin().contentType(ContentType.JSON)
                .body(product("TST-CRUD-1", "12.50")).post("/api/catalog/products").then()
                .statusCode(201).header("Location", containsString("/api/catalog/products/"))
                .body("price.amount", equalTo("12.50")).extract().jsonPath().getString("id");

        Auth.asAdmin().contentType(ContentType.JSON)
                .body(product("TST-CRUD-1", "9.99")).put("/api/catalog/products/" + id).then()
                .statusCode(200).body("price.amount", equalTo("9.99"));
        given().get("/api/catalog/products/sku/TST-CRUD-1").then().statusCode(200).body("price.amount", equalTo("9.99"));

        Auth.asAdmin().delete("/api/catalog/products/" + id).then().statusCode(204);
        given().get("/api/catalog/products/" + id).then().statusCode(404);
    }

    @Test
    void aProductWithSizesOffersThemAsOptionsWhereverItIsServedAndOthersOfferNone() {
        String body = product("TST-SIZE-1", "15.00").replace("\"color\":\"red\"", "\"color\":\"red\",\"sizes\":\"S-XL\"");
        String id = write().body(body).post("/api/catalog/products").then().statusCode(201)
                .body("options.size", equalTo(List.of("S", "M", "L", "XL"))).extract().jsonPath().getString("id");
        given().get("/api/catalog/products/" + id).then().statusCode(200)
                .body("options.size", equalTo(List.of("S", "M", "L", "XL")));
        given().get("/api/catalog/products/sku/TST-SIZE-1").then().statusCode(200)
                .body("options.size", equalTo(List.of("S", "M", "L", "XL")));
        given().queryParams("brand", "Testco", "size", 100).get("/api/catalog/products").then().statusCode(200)
                .body("items.find { it.sku == 'TST-SIZE-1' }.options.size", equalTo(List.of("S", "M", "L", "XL")));

        write().body(body.replace("S-XL", "L,XL")).put("/api/catalog/products/" + id).then().statusCode(200)
                .body("options.size", equalTo(List.of("L", "XL")));
        given().get("/api/catalog/products/sku/TST-SIZE-1").then().body("options.size", equalTo(List.of("L", "XL")));

        write().body(product("TST-SIZE-2", "15.00")).post("/api/catalog/products").then().statusCode(201)
                .body("options", equalTo(java.util.Map.of()));
        given().get("/api/catalog/products/sku/TST-SIZE-2").then().body("options", equalTo(java.util.Map.of()));
    }

    /** Every seeded product with a sizes range serves it as options on the scale; the others serve none. */
    @Test
    void seededApparelOffersItsSizes() {
        var seeded = org.emporium.catalog.seed.CatalogSeed.products();
        var sized = seeded.stream().filter(p -> p.attributes().containsKey("sizes")).toList();
        assertThat(sized).isNotEmpty();
        for (var p : List.of(sized.get(0), sized.get(sized.size() - 1))) {
            List<String> sizes = given().get("/api/catalog/products/sku/" + p.sku()).then().statusCode(200)
                    .extract().jsonPath().getList("options.size", String.class);
            String[] ends = p.attributes().get("sizes").split("-");
            assertThat(sizes).as(p.sku()).startsWith(ends[0]).endsWith(ends[1]).isSubsetOf(ProductOptions.SIZE_SCALE);
        }
        var plain = seeded.stream().filter(p -> !p.attributes().containsKey("sizes")).findFirst().orElseThrow();
        given().get("/api/catalog/products/sku/" + plain.sku()).then().body("options", equalTo(java.util.Map.of()));
    }

    @Test
    void refusesADuplicateSku() {
        Auth.asAdmin().contentType(ContentType.JSON).body(product("TST-DUP-1", "1.00"))
                .post("/api/catalog/products").then().statusCode(201);
        Auth.asAdmin().contentType(ContentType.JSON).body(product("TST-DUP-1", "1.00"))
                .post("/api/catalog/products").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void badBodiesAre400ProblemsNamingTheField() {
        expectInvalid(write().body(product("TST-BAD-1", "-5.00")).post("/api/catalog/products"), "price.amount");
        expectInvalid(write().body(product("TST-BAD-1", "5.00", "no-such-category"))
                .post("/api/catalog/products"), "category");
        expectInvalid(write().body(product("bad sku", "5.00")).post("/api/catalog/products"), "sku");
        expectInvalid(write().body("{\"sku\":\"TST-BAD-2\",\"price\":{\"amount\":[1]}}").post("/api/catalog/products"), "price.amount");
        Auth.asAdmin().contentType(ContentType.JSON).body("{not json")
                .post("/api/catalog/products").then().statusCode(400).contentType(PROBLEM)
                .body("detail", not(containsString("Exception")));
    }

    /** A number, boolean or key given twice was stored as text or kept silently (issue 19): the README promises a 400. */
    @Test
    void aWrongTypeOrAKeyGivenTwiceIsA400NamingItAndNothingIsStored() {
        String good = product("TST-TYPE-1", "5.00");
        for (String brand : List.of("123", "true", "1e308")) {
            expectInvalid(write().body(good.replace("\"brand\":\"Testco\"", "\"brand\":" + brand))
                    .post("/api/catalog/products"), "brand");
        }
        expectInvalid(write().body(good.replace("\"color\":\"red\"", "\"color\":7")).post("/api/catalog/products"),
                "attributes.color");
        expectInvalid(write().body(good.replace("\"brand\":\"Testco\"", "\"brand\":\"Testco\",\"brand\":\"Other\""))
                .post("/api/catalog/products"), "brand");
        given().get("/api/catalog/products/sku/TST-TYPE-1").then().statusCode(404);
    }

    @Test
    void anySkuInTheContractFormatIsAcceptedAndOthersAre400NamingSku() {
        Auth.asAdmin().contentType(ContentType.JSON).body(product("DEMO-1", "3.00"))
                .post("/api/catalog/products").then().statusCode(201).body("sku", equalTo("DEMO-1"));
        given().get("/api/catalog/products/sku/DEMO-1").then().statusCode(200).body("sku", equalTo("DEMO-1"));

        // lower case, too short, a leading dash, too long (33), a space
        for (String sku : List.of("demo-2", "D2", "-DEMO-2", "D".repeat(33), "DEMO 2")) {
            expectInvalid(write().body(product(sku, "3.00")).post("/api/catalog/products"), "sku");
        }
    }

    @Test
    void hostileTextIsA400ProblemNeverA500() {
        expectInvalid(given().get("/api/catalog/products/sku/AB\u0000C"), "sku");
        expectInvalid(given().queryParam("brand", "x\u0000y").get("/api/catalog/products"), "brand");
        expectInvalid(write().body(product("TST-NUL-1", "1.00").replace("Test widget", "Test\\u0000widget"))
                .post("/api/catalog/products"), "name");
        given().queryParam("brand", "'; DROP TABLE product; --").get("/api/catalog/products").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413Problem() {
        Auth.asAdmin().contentType(ContentType.JSON).body(new byte[300 * 1024])
                .post("/api/catalog/products").then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    /** These were empty-bodied answers from Vert.x and Quarkus (issue 19). */
    @Test
    void anUnreadablePathATooLongTargetAndTooLargeHeadersAreProblems() {
        for (String target : List.of("/%zz", "/api/catalog/products/%G1", "/api/catalog/products?q=%")) {
            String answer = RawHttp.get(target, "application/json");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).as(target).startsWith("http/1.1 400")
                    .contains("content-type: application/problem+json");
            assertThat(answer)
                    .contains("\"status\":400").contains("not a valid URI");
        }
        given().get("/api/catalog/products/sku/" + "A".repeat(5_000)).then().statusCode(414).contentType(PROBLEM)
                .body("status", equalTo(414));
        given().header("X-Big", "b".repeat(20_000)).get("/api/catalog/products").then().statusCode(431)
                .contentType(PROBLEM).body("status", equalTo(431));
        given().get("/api/catalog/products/sku/" + "A".repeat(30)).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongContentTypeIs415Problem() {
        Auth.asAdmin().contentType(ContentType.TEXT).body("hello")
                .post("/api/catalog/products").then().statusCode(415).contentType(PROBLEM);
    }

    private static io.restassured.specification.RequestSpecification write() {
        return Auth.asAdmin().contentType(ContentType.JSON);
    }

    private static void expectInvalid(io.restassured.response.Response response, String field) {
        response.then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field))
                .body("detail", not(containsString("Exception")));
    }

    private static List<BigDecimal> prices(String sort) {
        return given().queryParams("sort", sort, "size", 50).get("/api/catalog/products").jsonPath()
                .getList("items.price.amount", String.class).stream().map(BigDecimal::new).toList();
    }

    private String product(String sku, String amount) {
        return product(sku, amount, given().get("/api/catalog/categories").jsonPath().getString("items[0].slug"));
    }

    private static String product(String sku, String amount, String category) {
        return """
                {"sku":"%s","name":"Test widget %s","description":"A widget for tests.","brand":"Testco",
                 "category":"%s","price":{"amount":"%s","currency":"USD"},"attributes":{"color":"red"}}
                """.formatted(sku, sku, category, amount);
    }
}
