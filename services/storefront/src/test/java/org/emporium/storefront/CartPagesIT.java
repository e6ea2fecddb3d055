package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.inventory.InventoryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Add to cart, the cart page, the header's mini-cart and stock on the product page, against
 * stand-ins for the cart, inventory and catalog services.
 */
@QuarkusTest
@WithTestResource(CatalogStandInResource.class)
@WithTestResource(CartStandInResource.class)
@WithTestResource(InventoryStandInResource.class)
class CartPagesIT {

    private static final String SKU = "AUD-000001";
    private static final String OTHER = "AUD-000002";

    @Inject
    CartClient carts;

    @Inject
    InventoryClient inventory;

    @Inject
    CatalogClient catalog;

    @Inject
    CircuitBreakerMaintenance breakers;

    private CartStandIn cart;
    private InventoryStandIn stock;

    @BeforeEach
    void cleanSlate() {
        cart = CartStandInResource.standIn();
        stock = InventoryStandInResource.standIn();
        cart.reset();
        stock.reset();
        CatalogStandInResource.standIn().reset();
        carts.invalidateCaches();
        inventory.invalidateCaches();
        catalog.invalidateCaches();
        breakers.resetAll();
    }

    @Test
    void addFromTheProductPageSetsASecureHttpOnlyCookieAndTheCartHasTheLine() {
        String product = page("/p/" + SKU, 200);
        assertThat(product).contains("<form class=\"add-to-cart\" method=\"post\" action=\"/cart/items\"")
                .contains("name=\"sku\" value=\"" + SKU + "\"");

        Response response = given().redirects().follow(false)
                .formParam("sku", SKU).formParam("quantity", "1")
                .post("/cart/items");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/cart");
        String setCookie = response.header("Set-Cookie");
        assertThat(setCookie).startsWith("cart=").contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").contains("Max-Age=2592000");
        String id = response.cookie("cart");
        assertThat(cart.cart(id)).containsExactly(Map.entry(SKU, 1));
    }

    /** An address that is no URI: a page for a browser, with the status and a way back; a problem otherwise (issue 19). */
    @Test
    void anAddressThatIsNoUriIsAPageForABrowser() {
        String page = org.emporium.platform.testing.RawHttp.get("/p/%zz", "text/html,application/xhtml+xml");
        assertThat(page.toLowerCase(java.util.Locale.ROOT)).contains("content-type: text/html");
        assertThat(page).startsWith("HTTP/1.1 400").contains("<h1>Bad request</h1>")
                .contains("href=\"/\"").doesNotContain("Exception");
        assertThat(org.emporium.platform.testing.RawHttp.get("/search?q=%G1", "application/json"))
                .startsWith("HTTP/1.1 400").contains("application/problem+json");
    }

    /**
     * A form body that cannot be read was a request never answered (a bad percent-escape), or a 500
     * (a field over 2 KB): now a 400 or 413 at once, an HTML page for a browser and problem+json for
     * anything else, and nothing reaches the cart (issue 19).
     */
    @Test
    void aFormBodyThatCannotBeReadIsRefusedAtOnceNeverAHang() {
        String id = cart.createCart(Map.of());
        io.restassured.config.RestAssuredConfig deadline = io.restassured.RestAssured.config().httpClient(
                io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 5_000).setParam("http.connection.timeout", 5_000));
        String longField = "sku=" + "A".repeat(3_000) + "&quantity=1";
        Map<String, Integer> bodies = Map.of("a=%zz", 400, "sku=" + SKU + "&quantity=1%", 400,
                "sku=" + SKU + "%00&quantity=1", 400, longField, 413);
        for (var body : bodies.entrySet()) {
            for (String path : List.of("/cart/items", "/cart/items/" + SKU, "/checkout")) {
                Response browser = given().config(deadline).cookie("cart", id).header("Accept", "text/html")
                        .contentType("application/x-www-form-urlencoded").body(body.getKey()).post(path);
                assertThat(browser.statusCode()).as(path + " " + body.getKey()).isEqualTo(body.getValue());
                assertThat(browser.contentType()).startsWith("text/html");
                assertThat(browser.asString()).contains("The form could not be read").doesNotContain("Exception");

                Response client = given().config(deadline).cookie("cart", id)
                        .contentType("application/x-www-form-urlencoded").body(body.getKey()).post(path);
                assertThat(client.statusCode()).as(path + " " + body.getKey()).isEqualTo(body.getValue());
                assertThat(client.contentType()).startsWith("application/problem+json");
                assertThat(client.jsonPath().getInt("status")).isEqualTo(body.getValue());
            }
        }
        assertThat(cart.cart(id)).isEmpty();
    }

    /** Host: evil.example got Location: http://evil.example/cart (issue 19). */
    @Test
    void aRedirectIsAPathWhateverTheHostHeaderSays() {
        Response response = given().redirects().follow(false).header("Host", "evil.example")
                .formParam("sku", SKU).formParam("quantity", "1").post("/cart/items");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/cart");
    }

    @Test
    void htmxAddAnswersAFragmentWithTheStatusAndTheNewCount() {
        String id = cart.createCart(Map.of(OTHER, 2));

        Response response = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("sku", SKU).formParam("quantity", "1")
                .post("/cart/items");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("HX-Trigger")).isEqualTo("cart-changed");
        String html = response.asString();
        assertThat(html).doesNotContain("<html").contains("Added to cart")
                .contains("id=\"mini-cart\"").contains("hx-swap-oob=\"true\"")
                .contains("<span class=\"mini-cart__count\" data-count=\"3\">3</span>");
        assertThat(cart.cart(id)).containsEntry(SKU, 1).containsEntry(OTHER, 2);
    }

    @Test
    void shortStockShowsTheCartServicesMessage() {
        String id = cart.createCart(Map.of());
        cart.stock(SKU, 2);

        Response htmx = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("sku", SKU).formParam("quantity", "3").post("/cart/items");
        assertThat(htmx.statusCode()).isEqualTo(422);
        assertThat(htmx.asString()).contains("Only 2 left").contains("cart-feedback--error");
        assertThat(htmx.header("HX-Trigger")).isNull();

        Response plain = given().cookie("cart", id).formParam("sku", SKU).formParam("quantity", "3").post("/cart/items");
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(plain.asString()).contains("<html").contains("Only 2 left").contains("href=\"/p/" + SKU + "\"");
        assertThat(cart.cart(id)).isEmpty();
    }

    @Test
    void cartPageListsLinesAndQuantityChangesAndRemovalWork() {
        String id = cart.createCart(Map.of(SKU, 2, OTHER, 1));

        String html = given().cookie("cart", id).get("/cart").then().statusCode(200).extract().asString();
        assertThat(html).contains("href=\"/p/" + SKU + "\"").contains("Audio Thing 01")
                .contains("$12.50").contains("$25.00").contains("$37.50").contains("3 items")
                .contains("action=\"/cart/items/" + SKU + "\"").contains("name=\"quantity\" value=\"2\"")
                .contains("action=\"/cart/items/" + SKU + "/remove\"")
                .contains("<span class=\"mini-cart__count\" data-count=\"3\">3</span>");

        Response update = given().redirects().follow(false).cookie("cart", id)
                .formParam("quantity", "5").post("/cart/items/" + SKU);
        assertThat(update.statusCode()).isEqualTo(303);
        assertThat(cart.cart(id)).containsEntry(SKU, 5);

        Response htmxUpdate = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("quantity", "4").post("/cart/items/" + OTHER);
        assertThat(htmxUpdate.statusCode()).isEqualTo(200);
        assertThat(htmxUpdate.asString()).doesNotContain("<html").contains("id=\"cart-contents\"")
                .contains("9 items").contains("hx-swap-oob=\"true\"");
        assertThat(cart.cart(id)).containsEntry(OTHER, 4);

        Response remove = given().redirects().follow(false).cookie("cart", id).post("/cart/items/" + SKU + "/remove");
        assertThat(remove.statusCode()).isEqualTo(303);
        assertThat(cart.cart(id)).doesNotContainKey(SKU);

        Response zero = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("quantity", "0").post("/cart/items/" + OTHER);
        assertThat(zero.asString()).contains("Your cart is empty");
        assertThat(cart.cart(id)).isEmpty();
    }

    @Test
    void removingALineWithHtmxSaysSoAndUndoPutsTheUnitsBackWithFocusOnTheLine() {
        String id = cart.createCart(Map.of(SKU, 3, OTHER, 1));

        Response removed = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("quantity", "3").post("/cart/items/" + SKU + "/remove");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(cart.cart(id)).doesNotContainKey(SKU);
        assertThat(removed.asString()).contains("<div class=\"cart__removed\" role=\"status\">")
                .contains("Removed Audio Thing 01")
                .contains("action=\"/cart/items/" + SKU + "/restore\"")
                .contains("name=\"quantity\" value=\"3\"")
                .contains("id=\"undo-remove\" class=\"button button--small button--quiet\" type=\"submit\" autofocus>Undo");

        Response undone = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("quantity", "3").post("/cart/items/" + SKU + "/restore");
        assertThat(undone.statusCode()).isEqualTo(200);
        assertThat(cart.cart(id)).containsEntry(SKU, 3).containsEntry(OTHER, 1);
        assertThat(undone.asString()).doesNotContain("cart__removed").contains("4 items")
                .containsPattern("id=\"qty-" + SKU + "\"[^>]*autofocus");

        // the last line removed still offers the undo above "Your cart is empty"
        given().header("HX-Request", "true").cookie("cart", id).formParam("quantity", "1").post("/cart/items/" + OTHER + "/remove");
        Response last = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("quantity", "3").post("/cart/items/" + SKU + "/remove");
        assertThat(last.asString()).contains("Removed Audio Thing 01").contains("Your cart is empty");
        // a forged quantity is refused, not added
        Response forged = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("quantity", "1000").post("/cart/items/" + OTHER + "/restore");
        assertThat(forged.statusCode()).isEqualTo(422);
        assertThat(cart.cart(id)).doesNotContainKey(OTHER);
    }

    @Test
    void aProductInSizesIsAddedInTheChosenSizeAndItsLineIsChangedRemovedAndRestoredInThatSize() {
        String sku = CatalogStandIn.SIZED_SKU;
        assertThat(page("/p/" + sku, 200)).contains("<legend class=\"size-picker__legend\">Size</legend>")
                .contains("type=\"radio\" name=\"size\" value=\"S\" required")
                .contains("type=\"radio\" name=\"size\" value=\"L\" required");
        String id = cart.createCart(Map.of());

        // no size chosen (a browser would not send it; a script might): the cart's words come back
        Response none = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("sku", sku).post("/cart/items");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.asString()).contains("Choose a size: S, M, L");
        given().header("HX-Request", "true").cookie("cart", id).formParam("sku", sku).formParam("size", "M")
                .post("/cart/items").then().statusCode(200);
        given().header("HX-Request", "true").cookie("cart", id).formParam("sku", sku).formParam("size", "L")
                .post("/cart/items").then().statusCode(200);
        assertThat(cart.cart(id)).containsEntry(sku + "|M", 1).containsEntry(sku + "|L", 1);

        String html = given().cookie("cart", id).get("/cart").then().statusCode(200).extract().asString();
        assertThat(html).contains("<span class=\"cart-line__options\">Size M</span>").contains("id=\"qty-" + sku + "-L\"")
                .contains("<input type=\"hidden\" name=\"size\" value=\"M\">");

        given().header("HX-Request", "true").cookie("cart", id).formParam("quantity", "3").formParam("size", "M")
                .post("/cart/items/" + sku).then().statusCode(200);
        assertThat(cart.cart(id)).containsEntry(sku + "|M", 3).containsEntry(sku + "|L", 1);
        Response removed = given().header("HX-Request", "true").cookie("cart", id).formParam("quantity", "3").formParam("size", "M")
                .post("/cart/items/" + sku + "/remove");
        assertThat(removed.asString()).contains("Removed Crew T-Shirt (Size M)");
        assertThat(cart.cart(id)).doesNotContainKey(sku + "|M").containsEntry(sku + "|L", 1);
        given().header("HX-Request", "true").cookie("cart", id).formParam("quantity", "3").formParam("size", "M")
                .post("/cart/items/" + sku + "/restore").then().statusCode(200);
        assertThat(cart.cart(id)).containsEntry(sku + "|M", 3);
        // a size that is no size at all never reaches the cart
        given().header("HX-Request", "true").cookie("cart", id).formParam("sku", sku).formParam("size", "<b>")
                .post("/cart/items").then().statusCode(400);
    }

    @Test
    void changingALineThatIsGoneAlreadyKeepsTheCartAndSaysSo() {
        String id = cart.createCart(Map.of(SKU, 1));

        // another tab removed OTHER: the cart is still there, and so is its cookie
        Response stale = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("quantity", "2").post("/cart/items/" + OTHER);

        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.asString()).contains("That item is no longer in your cart.").contains("Audio Thing 01");
        assertThat(stale.getDetailedCookie("cart")).isNull();
        assertThat(cart.cart(id)).containsEntry(SKU, 1);
    }

    @Test
    void tooManyOnTheCartPageShowsTheMessage() {
        String id = cart.createCart(Map.of(SKU, 1));
        cart.stock(SKU, 2);

        Response response = given().cookie("cart", id).formParam("quantity", "5").post("/cart/items/" + SKU);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.asString()).contains("Only 2 left").contains("name=\"quantity\" value=\"1\"");
    }

    @Test
    void emptyCartWithoutCookie() {
        String html = page("/cart", 200);
        assertThat(html).contains("Your cart is empty").doesNotContain("mini-cart__count");
        assertThat(cart.requests()).isEmpty();
    }

    @Test
    void productPageShowsStockAndDisablesTheButtonWhenSoldOut() {
        stock.stock(SKU, 3);
        stock.stock(OTHER, 0);
        stock.stock("AUD-000003", 40);

        assertThat(page("/p/" + SKU, 200)).contains("<p class=\"stock stock--low\">Only 3 left</p>")
                .doesNotContain(" disabled");
        assertThat(page("/p/" + OTHER, 200)).contains("<p class=\"stock stock--out\">Out of stock</p>")
                .contains("type=\"submit\" disabled aria-disabled=\"true\">Add to cart</button>");
        assertThat(page("/p/AUD-000003", 200)).contains("In stock");
    }

    @Test
    void productPageSaysNothingAboutStockWhenInventoryIsDown() {
        stock.failWith(503);

        String html = page("/p/" + SKU, 200);

        assertThat(html).doesNotContain("class=\"stock").doesNotContain(" disabled").contains("Add to cart");
    }

    @Test
    void productCardsInListingsHaveTheAddForm() {
        String html = page("/c/" + CatalogStandIn.AUDIO, 200);
        assertThat(html).contains("add-to-cart add-to-cart--compact").contains("name=\"sku\" value=\"AUD-0000");
    }

    @Test
    void headerShowsTheCountOnEveryPageWithTheCookie() {
        String id = cart.createCart(Map.of(SKU, 2));

        String html = given().cookie("cart", id).get("/").then().statusCode(200).extract().asString();

        assertThat(html).contains("<span class=\"mini-cart__count\" data-count=\"2\">2</span>")
                .contains("aria-label=\"Cart, 2 items\"");
        assertThat(page("/", 200)).contains("id=\"mini-cart\"").doesNotContain("mini-cart__count");
    }

    @Test
    void cartServiceDownGivesThe503CartPageAndTheRestOfTheShopWorks() {
        String id = cart.createCart(Map.of(SKU, 2));
        cart.failWith("/api/carts", 503);

        Response response = given().cookie("cart", id).get("/cart");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.asString()).contains("Your cart is temporarily unavailable").contains("site-search");

        String home = given().cookie("cart", id).get("/").then().statusCode(200).extract().asString();
        assertThat(home).contains("id=\"mini-cart\"").doesNotContain("mini-cart__count");
        given().cookie("cart", id).get("/p/" + SKU).then().statusCode(200);

        Response add = given().header("HX-Request", "true").cookie("cart", id)
                .formParam("sku", SKU).post("/cart/items");
        assertThat(add.statusCode()).isEqualTo(200);
        assertThat(add.asString()).contains("couldn\u2019t reach your cart");
        assertThat(cart.requests().stream().filter(r -> r.method().equals("POST")).count()).isEqualTo(1); // never retried
    }

    @Test
    void anUnknownCartCookieGetsANewCartTransparently() {
        String stale = "00000000-dead-beef-0000-000000000000";

        Response response = given().redirects().follow(false).cookie("cart", stale)
                .formParam("sku", SKU).post("/cart/items");

        assertThat(response.statusCode()).isEqualTo(303);
        String fresh = response.cookie("cart");
        assertThat(fresh).isNotEqualTo(stale).isNotBlank();
        assertThat(cart.cart(fresh)).containsExactly(Map.entry(SKU, 1));
        List<String> calls = cart.requests().stream().map(r -> r.method() + " " + r.path()).toList();
        assertThat(calls).containsExactly("POST /api/carts/" + stale + "/items", "POST /api/carts", "POST /api/carts/" + fresh + "/items");

        Response page = given().cookie("cart", stale).get("/cart");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("Your cart is empty");
        assertThat(page.header("Set-Cookie")).startsWith("cart=;").contains("Max-Age=0");
    }

    @Test
    void crossSiteFormPostsAreRefused() {
        given().header("Sec-Fetch-Site", "cross-site").formParam("sku", SKU).post("/cart/items")
                .then().statusCode(403);
        given().header("Origin", "https://evil.example").formParam("sku", SKU).post("/cart/items")
                .then().statusCode(403);
        assertThat(cart.requests()).isEmpty();

        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").formParam("sku", SKU).post("/cart/items")
                .then().statusCode(303);
    }

    @Test
    void badInputIsRefusedWithoutCallingTheCart() {
        given().formParam("sku", "nope").post("/cart/items").then().statusCode(422);
        given().formParam("sku", SKU).formParam("quantity", "100").post("/cart/items").then().statusCode(422);
        assertThat(cart.requests()).isEmpty();
    }

    private static String page(String path, int status) {
        return given().urlEncodingEnabled(false).get(path).then().statusCode(status)
                .contentType("text/html").extract().asString();
    }
}
