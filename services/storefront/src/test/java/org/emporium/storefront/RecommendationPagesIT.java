package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.storefront.RecommendationsStandIn.item;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.inventory.InventoryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * "Customers also bought" on the product page and "Recommended for you" on the home and cart
 * pages, against a stand-in recommendations service, and the shopper cookie they rely on. When
 * recommendations are slow, failing or down, the pages answer as fast as before, without the
 * section.
 */
@QuarkusTest
@WithTestResource(CatalogStandInResource.class)
@WithTestResource(CartStandInResource.class)
@WithTestResource(InventoryStandInResource.class)
@WithTestResource(RecommendationsStandInResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationPagesIT {

    private static final String SKU = "AUD-000001";
    private static final String SHOPPER = "shopper_0123456789abcdef";
    private static final String SHOPPER_COOKIE = "emporium_shopper";
    /** Far longer than the 250 ms the storefront waits. */
    private static final Duration SLOW = Duration.ofSeconds(2);

    @Inject
    CatalogClient catalog;

    @Inject
    CartClient carts;

    @Inject
    InventoryClient inventory;

    @Inject
    CircuitBreakerMaintenance breakers;

    private RecommendationsStandIn recommendations;

    /** Set once the storefront has built its clients and connected: a test's first call must not time that. */
    private static boolean warmedUp;

    @BeforeEach
    void cleanSlate() {
        if (!warmedUp) {
            given().get("/p/" + SKU);
            given().get("/api/mobile/products/" + SKU);
            warmedUp = true;
        }
        recommendations = RecommendationsStandInResource.standIn();
        recommendations.reset();
        CatalogStandInResource.standIn().reset();
        CartStandInResource.standIn().reset();
        InventoryStandInResource.standIn().reset();
        catalog.invalidateCaches();
        carts.invalidateCaches();
        inventory.invalidateCaches();
        breakers.resetAll();
    }

    @AfterEach
    void letSlowRequestsGo() {
        recommendations.reset();
    }

    @Test
    @Order(1)
    void productPageShowsCustomersAlsoBoughtWithReasonsAndLinks() {
        recommendations.forProducts(
                item("AUD-000002", "Audio Thing 02", CatalogStandIn.AUDIO, "12.99", "bought-together"),
                Map.of("sku", 42, "name", "a wrong shape: skipped"),
                item("KIT-000001", "Kettle", CatalogStandIn.KITCHEN, "24.00", "popular-in-category"),
                item("AUD-000003", "Audio Thing 03", CatalogStandIn.AUDIO, "13.99", "similar-to-viewed"),
                item(SKU, "the product itself: not recommended to itself", CatalogStandIn.AUDIO, "11.99", "bought-together"));
        String cartId = CartStandInResource.standIn().createCart(Map.of());

        String html = given().cookie(SHOPPER_COOKIE, SHOPPER).cookie("cart", cartId).get("/p/" + SKU)
                .then().statusCode(200).extract().asString();

        String section = section(html, "also-bought");
        assertThat(section).contains("Customers also bought")
                .contains("<a class=\"product-card__link\" href=\"/p/AUD-000002\" data-sku=\"AUD-000002\">")
                .contains("<a class=\"product-card__link\" href=\"/p/KIT-000001\" data-sku=\"KIT-000001\">")
                .contains("<a class=\"product-card__link\" href=\"/p/AUD-000003\" data-sku=\"AUD-000003\">")
                .contains("Audio Thing 02").contains("$12.99").contains("src=\"/images/products/AUD-000002.svg\"")
                .contains("Bought together").contains("Popular in Home &amp; Kitchen").contains("Similar to what you viewed")
                .doesNotContain("data-sku=\"" + SKU + "\"").doesNotContain("wrong shape");
        assertThat(section.indexOf("AUD-000002")).isLessThan(section.indexOf("KIT-000001"));
        RecommendationsStandIn.Request asked = recommendations.requests().getFirst();
        assertThat(asked.path()).isEqualTo("/api/recommendations/products/" + SKU);
        assertThat(asked.query()).containsEntry("size", "6").containsEntry("cart", cartId);
    }

    @Test
    @Order(2)
    void homeAndCartPagesShowRecommendedForYouForTheShopperAndTheirCart() {
        recommendations.forShoppers(item("KIT-000002", "Toaster", CatalogStandIn.KITCHEN, "39.00", "similar-to-viewed"));
        String cartId = CartStandInResource.standIn().createCart(Map.of(SKU, 1));

        String home = given().cookie(SHOPPER_COOKIE, SHOPPER).cookie("cart", cartId).get("/")
                .then().statusCode(200).extract().asString();
        assertThat(section(home, "recommended-for-you")).contains("Recommended for you")
                .contains("data-sku=\"KIT-000002\"").contains("Toaster").contains("$39.00").contains("Similar to what you viewed");

        String cart = given().cookie(SHOPPER_COOKIE, SHOPPER).cookie("cart", cartId).get("/cart")
                .then().statusCode(200).extract().asString();
        assertThat(cart).contains("Audio Thing 01");
        assertThat(section(cart, "recommended-for-you")).contains("data-sku=\"KIT-000002\"");

        assertThat(recommendations.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/api/recommendations/shoppers/" + SHOPPER);
            assertThat(r.query()).containsEntry("cart", cartId).containsEntry("size", "6");
        });
    }

    @Test
    @Order(3)
    void noRecommendationsMeansNoSection() {
        assertThat(page("/p/" + SKU)).doesNotContain("id=\"also-bought\"");
        assertThat(page("/")).doesNotContain("id=\"recommended-for-you\"");
        assertThat(page("/cart")).doesNotContain("id=\"recommended-for-you\"").contains("Your cart is empty");
        // asked without a cart: the shopper has none
        assertThat(recommendations.requests()).filteredOn(r -> r.path().contains("/shoppers/"))
                .hasSize(2).allSatisfy(r -> assertThat(r.query()).doesNotContainKey("cart"));
    }

    @Test
    @Order(4)
    void slowRecommendationsDontHoldThePagesBackAndLeaveNoSection() {
        everythingRecommended();
        warmCatalogCaches();
        recommendations.answerAfter(SLOW);

        for (String path : List.of("/p/" + SKU, "/", "/cart")) {
            long started = System.nanoTime();
            String html = page(path);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).as("%s while recommendations take %s", path, SLOW).isLessThan(Duration.ofMillis(1000));
            assertThat(html).doesNotContain("id=\"also-bought\"").doesNotContain("id=\"recommended-for-you\"");
        }
    }

    @Test
    @Order(5)
    void failingRecommendationsLeaveNoSectionAndNoErrorText() {
        everythingRecommended();
        recommendations.failWith(500);

        for (String path : List.of("/p/" + SKU, "/", "/cart")) {
            assertThat(page(path)).doesNotContain("id=\"also-bought\"").doesNotContain("id=\"recommended-for-you\"")
                    .doesNotContainIgnoringCase("recommendations");
        }
    }

    @Test
    @Order(6)
    void aNewBrowserGetsALongLivedShopperCookieAndIsRecommendedToByIt() {
        everythingRecommended();

        Response response = given().get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        String setCookie = shopperSetCookie(response);
        assertThat(setCookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").contains("Max-Age=31536000");
        String id = response.getDetailedCookie(SHOPPER_COOKIE).getValue();
        assertThat(id).matches("[A-Za-z0-9_-]{22,64}");
        // the new id is already this page's shopper
        assertThat(recommendations.requests().getFirst().path()).isEqualTo("/api/recommendations/shoppers/" + id);
        // and every browser gets its own
        assertThat(given().get("/").getDetailedCookie(SHOPPER_COOKIE).getValue()).isNotEqualTo(id);
    }

    @Test
    @Order(7)
    void aValidShopperCookieIsKeptAndAnInvalidOneReplaced() {
        Response kept = given().cookie(SHOPPER_COOKIE, SHOPPER).get("/p/" + SKU);
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(shopperSetCookie(kept)).isNull();

        for (String invalid : List.of("short", "x".repeat(65), "bad.value")) {
            Response replaced = given().cookie(new Cookie.Builder(SHOPPER_COOKIE, invalid).build()).get("/cart");
            assertThat(replaced.statusCode()).isEqualTo(200);
            assertThat(shopperSetCookie(replaced)).as("Set-Cookie for %s", invalid).isNotNull();
            assertThat(replaced.getDetailedCookie(SHOPPER_COOKIE).getValue()).matches("[A-Za-z0-9_-]{22,64}");
        }
        // not on what isn't a page
        assertThat(shopperSetCookie(given().get("/images/products/" + SKU + ".svg"))).isNull();
        assertThat(shopperSetCookie(given().formParam("sku", SKU).redirects().follow(false).post("/cart/items"))).isNull();
    }

    @Test
    @Order(8)
    void recommendationsDownLeavesNoSection() {
        everythingRecommended();
        recommendations.goDown();

        for (String path : List.of("/p/" + SKU, "/", "/cart")) {
            long started = System.nanoTime();
            assertThat(page(path)).doesNotContain("id=\"also-bought\"").doesNotContain("id=\"recommended-for-you\"");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
        }
    }

    private void everythingRecommended() {
        Object toaster = item("KIT-000002", "Toaster", CatalogStandIn.KITCHEN, "39.00", "bought-together");
        recommendations.forProducts(toaster);
        recommendations.forShoppers(toaster);
    }

    /** The catalog's answers cached, so only recommendations can make a page slow. */
    private static void warmCatalogCaches() {
        page("/p/" + SKU);
        page("/");
    }

    private static String page(String path) {
        return given().cookie(SHOPPER_COOKIE, SHOPPER).get(path).then().statusCode(200).extract().asString();
    }

    /** The section with this id, from its opening tag to its end; fails when it isn't there. */
    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section #%s", id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String shopperSetCookie(Response response) {
        return response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SHOPPER_COOKIE + "=")).findFirst().orElse(null);
    }
}
