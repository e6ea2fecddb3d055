package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.storefront.RecommendationsStandIn.item;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.inventory.InventoryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/mobile/products/{sku}}: the product, its stock and "customers also bought" in
 * one answer, asked in parallel under one 400 ms deadline; a part that fails or is too slow is
 * named in {@code missing}, the product itself failing is an error. (The same stand-ins as
 * {@link RecommendationPagesIT}, so both run in one application.)
 */
@QuarkusTest
@WithTestResource(CatalogStandInResource.class)
@WithTestResource(CartStandInResource.class)
@WithTestResource(InventoryStandInResource.class)
@WithTestResource(RecommendationsStandInResource.class)
class MobileProductIT {

    private static final String SKU = "AUD-000001";
    private static final String PATH = "/api/mobile/products/";
    /** The 400 ms deadline, plus generous room for a shared build machine. */
    private static final Duration BOUND = Duration.ofMillis(1000);

    @Inject
    CatalogClient catalog;

    @Inject
    CartClient carts;

    @Inject
    InventoryClient inventory;

    @Inject
    CircuitBreakerMaintenance breakers;

    private CatalogStandIn catalogStandIn;
    private InventoryStandIn stock;
    private RecommendationsStandIn recommendations;

    /** Set once the storefront has built its clients and connected: a test's first call must not time that. */
    private static boolean warmedUp;

    @BeforeEach
    void cleanSlate() {
        if (!warmedUp) {
            given().get(PATH + SKU);
            given().get("/p/" + SKU);
            warmedUp = true;
        }
        catalogStandIn = CatalogStandInResource.standIn();
        stock = InventoryStandInResource.standIn();
        recommendations = RecommendationsStandInResource.standIn();
        catalogStandIn.reset();
        stock.reset();
        recommendations.reset();
        catalog.invalidateCaches();
        carts.invalidateCaches();
        inventory.invalidateCaches();
        breakers.resetAll();
        stock.stock(SKU, 7);
        recommendations.forProducts(
                item("AUD-000002", "Audio Thing 02", CatalogStandIn.AUDIO, "12.99", "bought-together"),
                item("KIT-000001", "Kettle", CatalogStandIn.KITCHEN, "24.00", "popular-in-category"));
    }

    @AfterEach
    void letSlowRequestsGo() {
        catalogStandIn.reset();
        stock.reset();
        recommendations.reset();
    }

    @Test
    void answersTheProductItsStockAndRecommendationsInOneResponse() {
        Response response = given().get(PATH + SKU);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("private, max-age=5");
        assertThat(response.header("Set-Cookie")).as("the API sets no cookie").isNull();
        JsonPath json = response.jsonPath();
        assertThat(json.getString("product.sku")).isEqualTo(SKU);
        assertThat(json.getString("product.name")).isEqualTo("Audio Thing 01");
        assertThat(json.getString("product.brand")).isEqualTo("Acme");
        assertThat(json.getString("product.category")).isEqualTo(CatalogStandIn.AUDIO);
        assertThat(json.getString("product.price.amount")).isEqualTo("11.99");
        assertThat(json.getString("product.price.currency")).isEqualTo("USD");
        assertThat(json.getString("product.imageUrl")).isEqualTo("/images/products/AUD-000001.svg");
        assertThat(json.getString("product.attributes.color")).isEqualTo("white");
        assertThat(json.getInt("stock.available")).isEqualTo(7);
        assertThat(json.getBoolean("stock.inStock")).isTrue();
        assertThat(json.getList("recommendations.sku")).containsExactly("AUD-000002", "KIT-000001");
        assertThat(json.getString("recommendations[0].reason")).isEqualTo("bought-together");
        assertThat(json.getString("recommendations[0].price.amount")).isEqualTo("12.99");
        assertThat(json.getFloat("recommendations[0].score")).isEqualTo(0.87f);
        assertThat(json.getBoolean("partial")).isFalse();
        assertThat(json.getList("missing")).isEmpty();
    }

    @Test
    void stockFailingIsMissingAndTheRestIsThere() {
        stock.failWith(500);

        JsonPath json = ok(given().get(PATH + SKU));

        assertThat(json.getBoolean("partial")).isTrue();
        assertThat(json.getList("missing")).containsExactly("stock");
        assertThat(json.getMap("stock")).isNull();
        assertThat(json.getString("product.sku")).isEqualTo(SKU);
        assertThat(json.getList("recommendations")).hasSize(2);
    }

    @Test
    void recommendationsFailingAreMissingAndTheRestIsThere() {
        recommendations.failWith(500);

        JsonPath json = ok(given().get(PATH + SKU));

        assertThat(json.getBoolean("partial")).isTrue();
        assertThat(json.getList("missing")).containsExactly("recommendations");
        assertThat(json.getList("recommendations")).isEmpty();
        assertThat(json.getInt("stock.available")).isEqualTo(7);
    }

    @Test
    void bothExtrasDownLeaveTheProductAlone() {
        stock.failWith(503);
        recommendations.goDown();

        JsonPath json = ok(given().get(PATH + SKU));

        assertThat(json.getList("missing")).containsExactly("stock", "recommendations");
        assertThat(json.getString("product.name")).isEqualTo("Audio Thing 01");
    }

    @Test
    void slowInventoryMissesTheDeadlineAndTheAnswerDoesNotWaitForIt() {
        given().get(PATH + SKU).then().statusCode(200);     // the product cached: only inventory can be slow
        inventory.invalidateCaches();
        stock.answerAfter(Duration.ofSeconds(2));

        long started = System.nanoTime();
        JsonPath json = ok(given().get(PATH + SKU));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(BOUND);
        assertThat(json.getList("missing")).containsExactly("stock");
        assertThat(json.getList("recommendations")).hasSize(2);
    }

    @Test
    void slowRecommendationsAreMissingWithinTheDeadline() {
        recommendations.answerAfter(Duration.ofSeconds(2));

        long started = System.nanoTime();
        JsonPath json = ok(given().get(PATH + SKU));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
        assertThat(json.getList("missing")).containsExactly("recommendations");
    }

    @Test
    void stockInventoryDoesNotTrackIsNullButNotMissing() {
        stock.reset();

        JsonPath json = ok(given().get(PATH + SKU));

        assertThat(json.getMap("stock")).isNull();
        assertThat(json.getBoolean("partial")).isFalse();
        assertThat(json.getList("missing")).isEmpty();
    }

    @Test
    void unknownProductIs404Problem() {
        Response response = given().get(PATH + "AUD-999999");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(404);
        assertThat(response.jsonPath().getString("detail")).contains("AUD-999999");
    }

    /** Was the shop's HTML 404 page (issue 19). */
    @Test
    void aPathUnderTheApiThatIsNoResourceIs404Problem() {
        for (String path : List.of("/api/mobile/products/..", "/api/mobile/nothing-here", "/api/mobile/products/A/B")) {
            Response response = given().urlEncodingEnabled(false).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void malformedSkuIs400ProblemNamingSkuAndNothingIsAsked() {
        // malformed by the catalog's format: lower case, too short, a leading dash, too long
        for (String sku : List.of("aud-000001", "AU", "-AUD-1", "AUD-000001x", "A".repeat(33))) {
            Response response = given().get(PATH + sku);

            assertThat(response.statusCode()).as(sku).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getList("errors.field")).containsExactly("sku");
        }
        assertThat(catalogStandIn.requests()).isEmpty();
        assertThat(stock.requests()).isEmpty();
        assertThat(recommendations.requests()).isEmpty();
    }

    @Test
    void anySkuTheCatalogAcceptsIsAskedFor() {
        // not the seed's shape, but the catalog's format allows it (an admin's product)
        Response response = given().get(PATH + "DEMO-1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.jsonPath().getString("detail")).contains("DEMO-1");
        assertThat(catalogStandIn.requests()).anyMatch(r -> r.path().endsWith("/sku/DEMO-1"));
    }

    @Test
    void catalogDownIs503ProblemWithRetryAfter() {
        catalogStandIn.failWith("/api/catalog/products/sku/", 503);

        Response response = given().get(PATH + SKU);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(503);
    }

    @Test
    void catalogTooSlowIs503WithinTheDeadline() {
        catalogStandIn.hang("/api/catalog/products/sku/");

        long started = System.nanoTime();
        Response response = given().get(PATH + SKU);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void theCartCookieIsPassedToRecommendations() {
        String cartId = CartStandInResource.standIn().createCart(java.util.Map.of());

        ok(given().cookie("cart", cartId).header("X-Shopper-Id", "app-install-0123456789").get(PATH + SKU));

        assertThat(recommendations.requests().getFirst().query()).containsEntry("cart", cartId).containsEntry("size", "6");
    }

    private static JsonPath ok(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }
}
