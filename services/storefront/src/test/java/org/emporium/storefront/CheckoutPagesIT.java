package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checkout (the form, placing the order, every answer of the orders service) and the order page
 * (pending, confirmed, cancelled, the live relay of the order's events and its polling fallback),
 * against stand-ins for the orders, cart and catalog services.
 */
@QuarkusTest
@WithTestResource(CatalogStandInResource.class)
@WithTestResource(CartStandInResource.class)
@WithTestResource(InventoryStandInResource.class)
@WithTestResource(OrdersStandInResource.class)
class CheckoutPagesIT {

    private static final String SKU = "AUD-000001";
    private static final String CARD = "4242 4242 4242 4242";
    private static final String CVC = "737";
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"");
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL root;

    @Inject
    CartClient carts;

    @Inject
    CatalogClient catalog;

    @Inject
    CircuitBreakerMaintenance breakers;

    private CartStandIn cart;
    private OrdersStandIn orders;

    @BeforeEach
    void cleanSlate() {
        cart = CartStandInResource.standIn();
        orders = OrdersStandInResource.standIn();
        cart.reset();
        orders.reset();
        CatalogStandInResource.standIn().reset();
        InventoryStandInResource.standIn().reset();
        carts.invalidateCaches();
        catalog.invalidateCaches();
        breakers.resetAll();
    }

    // --- the form -------------------------------------------------------------------------------------

    @Test
    void theCartPageOffersCheckoutOnlyWithLines() {
        String id = cart.createCart(Map.of(SKU, 2));
        assertThat(given().cookie("cart", id).get("/cart").then().statusCode(200).extract().asString())
                .contains("href=\"/checkout\"");
        String empty = cart.createCart(Map.of());
        assertThat(given().cookie("cart", empty).get("/cart").then().statusCode(200).extract().asString())
                .doesNotContain("href=\"/checkout\"");
    }

    @Test
    void theFormShowsTheCartSummaryTheFieldsAndANewKey() {
        String id = cart.createCart(Map.of(SKU, 2));

        String html = given().cookie("cart", id).get("/checkout").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();

        assertThat(html).contains("<form class=\"checkout__form\" method=\"post\" action=\"/checkout\"")
                .contains("Order summary").contains("Audio Thing 01").contains("&times; 2").contains("$25.00")
                .contains("2 items")
                .contains("name=\"email\"").contains("name=\"name\"").contains("name=\"line1\"").contains("name=\"line2\"")
                .contains("name=\"city\"").contains("name=\"region\"").contains("name=\"postalCode\"")
                .contains("name=\"cardNumber\"").contains("name=\"expiry\"").contains("name=\"cvc\"")
                .contains("<select class=\"field__input\" id=\"checkout-country\" name=\"country\"");
        for (String country : List.of("US", "GB", "DE", "FR", "NL", "CA", "AU")) {
            assertThat(html).contains("<option value=\"" + country + "\">");
        }
        assertThat(html).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>| on[a-z]+=\"");
        String key = key(html);
        String again = given().cookie("cart", id).get("/checkout").then().statusCode(200).extract().asString();
        assertThat(key(again)).isNotEqualTo(key);
    }

    @Test
    void withoutACartOrWithAnEmptyOneCheckoutGoesBackToTheCart() {
        Response none = given().redirects().follow(false).get("/checkout");
        assertThat(none.statusCode()).isEqualTo(303);
        assertThat(none.header("Location")).endsWith("/cart");

        String empty = cart.createCart(Map.of());
        Response emptyCart = given().redirects().follow(false).cookie("cart", empty).get("/checkout");
        assertThat(emptyCart.statusCode()).isEqualTo(303);
        assertThat(emptyCart.header("Location")).endsWith("/cart?checkout=empty");
        assertThat(given().get("/cart?checkout=empty").asString()).contains("nothing to check out");
    }

    // --- placing the order -------------------------------------------------------------------------------

    @Test
    void placingAnOrderRedirectsToItsPageKeepsTheCartAndSendsTheRightRequest() {
        String id = cart.createCart(Map.of(SKU, 2));
        String key = key(given().cookie("cart", id).get("/checkout").asString());

        Response response = post(id, form(key));

        assertThat(response.statusCode()).isEqualTo(303);
        // the cart stays until the order is confirmed (orders empties it then): a declined card can try again
        assertThat(response.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("cart="));
        List<OrdersStandIn.Request> placed = placements();
        assertThat(placed).hasSize(1);
        OrdersStandIn.Request request = placed.get(0);
        assertThat(request.idempotencyKey()).isEqualTo(key);
        JsonNode body = request.body();
        assertThat(body.path("cartId").asText()).isEqualTo(id);
        assertThat(body.path("email").asText()).isEqualTo("ada@example.com");
        JsonNode address = body.path("shippingAddress");
        assertThat(address.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(address.path("line1").asText()).isEqualTo("Hauptstra\u00dfe 5");
        assertThat(address.path("line2").isNull() || address.path("line2").isMissingNode()).isTrue();
        assertThat(address.path("city").asText()).isEqualTo("Berlin");
        assertThat(address.path("postalCode").asText()).isEqualTo("10115");
        assertThat(address.path("country").asText()).isEqualTo("DE");
        JsonNode payment = body.path("payment");
        assertThat(payment.path("cardNumber").asText()).isEqualTo(CARD);
        assertThat(payment.path("expiry").asText()).isEqualTo("12/39");
        assertThat(payment.path("cvc").asText()).isEqualTo(CVC);
        assertThat(response.header("Location")).matches(".*/orders/[0-9a-f-]{36}");
        String orderId = response.header("Location").replaceFirst(".*/orders/", "");
        assertThat(given().get("/orders/" + orderId).then().statusCode(200).extract().asString())
                .contains("Placing your order");
    }

    @Test
    void aFieldTheOrdersServiceRefusesIsShownAndTheCardIsNeverSentBack() {
        String id = cart.createCart(Map.of(SKU, 2));
        orders.answerPlacements(400, OrdersStandIn.invalid("payment.cardNumber", "is not a valid card number"));
        Map<String, String> form = form("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a11");

        Response response = post(id, form);

        assertThat(response.statusCode()).isEqualTo(400);
        String html = response.asString();
        assertThat(html).contains("Card number is not a valid card number.")
                .contains("id=\"checkout-cardNumber-error\"").contains("aria-invalid=\"true\"")
                .contains("value=\"0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a11\"") // the same key for the retry
                .contains("value=\"ada@example.com\"").contains("value=\"Hauptstra\u00dfe 5\"")
                .contains("<option value=\"DE\" selected>").contains("value=\"12/39\"")
                .contains("Audio Thing 01")
                .doesNotContain(CARD).doesNotContain("4242424242424242").doesNotContain("value=\"" + CVC + "\"");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void addressFieldsAreNamedByTheirFormLabel() {
        String id = cart.createCart(Map.of(SKU, 1));
        orders.answerPlacements(400, OrdersStandIn.invalid("shippingAddress.postalCode",
                "must be 2\u201312 letters, digits, spaces or dashes"));

        String html = post(id, form("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a12")).then().statusCode(400).extract().asString();

        assertThat(html).contains("<p class=\"field__error\" id=\"checkout-postalCode-error\">Postal code must be 2\u201312 letters");
    }

    @Test
    void missingFieldsAreFoundWithoutAskingTheOrdersService() {
        String id = cart.createCart(Map.of(SKU, 1));
        Map<String, String> form = new java.util.HashMap<>(form("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a13"));
        form.put("email", "");
        form.put("city", " ");
        form.put("expiry", "13/40");

        String html = post(id, form).then().statusCode(400).extract().asString();

        assertThat(html).contains("Email is required.").contains("City is required.").contains("Expiry must be MM/YY")
                .doesNotContain(CARD).doesNotContain("value=\"" + CVC + "\"");
        assertThat(placements()).isEmpty();
    }

    @Test
    void ordersUnavailableKeepsTheFormAndTheKey() {
        String id = cart.createCart(Map.of(SKU, 1));
        orders.answerPlacements(503, OrdersStandIn.problemBody(503, "Service unavailable",
                "checkout cannot reach the payment service right now; retry with the same Idempotency-Key"));
        String key = "0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a14";

        Response response = post(id, form(key));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.asString()).contains("Checkout is unavailable right now, please try again")
                .contains("value=\"" + key + "\"").contains("value=\"ada@example.com\"").doesNotContain(CARD);
        assertThat(response.header("Set-Cookie")).isNull();

        orders.reset();
        Response retry = post(id, form(key));
        assertThat(retry.statusCode()).isEqualTo(303);
        assertThat(placements()).singleElement().extracting(OrdersStandIn.Request::idempotencyKey).isEqualTo(key);
    }

    @Test
    void anEmptyOrUnknownCartGoesBackToTheCartPageWithAMessage() {
        String id = cart.createCart(Map.of(SKU, 1));
        orders.answerPlacements(422, OrdersStandIn.problemBody(422, "Empty cart", "cart " + id + " has nothing to order"));

        Response empty = post(id, form("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a15"));
        assertThat(empty.statusCode()).isEqualTo(303);
        assertThat(empty.header("Location")).endsWith("/cart?checkout=empty");

        orders.answerPlacements(404, OrdersStandIn.problemBody(404, "Cart not found", "there is no cart with id " + id));
        Response unknown = post(id, form("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a16"));
        assertThat(unknown.statusCode()).isEqualTo(303);
        assertThat(unknown.header("Location")).endsWith("/cart?checkout=expired");
        assertThat(unknown.header("Set-Cookie")).startsWith("cart=;").contains("Max-Age=0");
        assertThat(given().get("/cart?checkout=expired").asString()).contains("Your cart has expired");
    }

    @Test
    void aReusedKeyGetsANewKeyAndAMessage() {
        String id = cart.createCart(Map.of(SKU, 1));
        orders.answerPlacements(422, OrdersStandIn.problemBody(422, "Idempotency key reused",
                "this Idempotency-Key was used for a different request; use a new key for a new order"));
        String key = "0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a17";

        Response response = post(id, form(key));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.asString()).contains("Please check your details and place the order again");
        assertThat(key(response.asString())).isNotEqualTo(key);
    }

    @Test
    void crossSitePostsAreRefused() {
        String id = cart.createCart(Map.of(SKU, 1));
        given().header("Sec-Fetch-Site", "cross-site").cookie("cart", id).formParams(form("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a18"))
                .post("/checkout").then().statusCode(403);
        given().header("Origin", "https://evil.example").cookie("cart", id).formParams(form("0b8b0a5e-4ad1-4d4c-9d52-2f2b0c1f3a18"))
                .post("/checkout").then().statusCode(403);
        assertThat(orders.requests()).isEmpty();
    }

    // --- the order page ---------------------------------------------------------------------------------

    @Test
    void aPendingOrderSaysSoAndListensForChanges() {
        String id = orders.createOrder("PENDING", null, null);

        String html = page("/orders/" + id, 200);

        assertThat(html).contains("Placing your order&hellip;").contains("hx-ext=\"sse\"")
                .contains("sse-connect=\"/orders/" + id + "/live\"").contains("sse-swap=\"status\"")
                .contains("sse-close=\"end\"").contains("<script src=\"/js/htmx-ext-sse/2.2.2/sse.js\" defer></script>")
                .contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>| on[a-z]+=\"");
        given().get("/js/htmx-ext-sse/2.2.2/sse.js").then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"));
    }

    @Test
    void aConfirmedOrderShowsWhatWasBoughtWhereItGoesAndTheCard() {
        String id = orders.createOrder("CONFIRMED", null, null);

        String html = page("/orders/" + id, 200);

        assertThat(html).contains("Thank you, your order is confirmed").contains("Audio Thing 01")
                .contains("<td>2</td>").contains("$12.50").contains("$25.00")
                .contains("Ada Lovelace<br>Hauptstra\u00dfe 5<br>10115 Berlin<br>Germany")
                .contains("Visa ending in 4242").contains(id).contains("ada@example.com")
                .doesNotContain("sse-connect").doesNotContain("Placing your order").doesNotContain("sse.js");
    }

    @Test
    void aCancelledOrderSaysWhyAndADeclinedCardMayTryAnotherWithTheSameCartAndAddress() {
        String id = orders.createOrder("CANCELLED", "PAYMENT_DECLINED", "the card was declined <b>now</b>");

        String html = page("/orders/" + id, 200);

        assertThat(html).contains("Your order was cancelled").contains("The card was declined &lt;b&gt;now&lt;/b&gt;.")
                .contains("href=\"/checkout?retry=" + id + "\">Try another card</a>").doesNotContain("sse-connect")
                .doesNotContain("Thank you");
        String cartId = cart.createCart(Map.of(SKU, 1));
        String again = given().cookie("cart", cartId).get("/checkout?retry=" + id).then().statusCode(200).extract().asString();
        assertThat(again).contains("value=\"ada@example.com\"").contains("value=\"Hauptstra\u00dfe 5\"")
                .contains("value=\"10115\"").contains("value=\"Berlin\"");
        assertThat(key(again)).as("a new attempt, a new key").isNotEqualTo(id);

        String noDetail = orders.createOrder("CANCELLED", "OUT_OF_STOCK", null);
        assertThat(page("/orders/" + noDetail, 200)).contains("ran out of stock")
                .contains("<a class=\"button\" href=\"/\">Back to the shop</a>").doesNotContain("Try another card");
        // only a cancelled order fills the form in; a confirmed one or garbage leaves it blank
        String confirmed = orders.createOrder("CONFIRMED", null, null);
        assertThat(given().cookie("cart", cartId).get("/checkout?retry=" + confirmed).asString()).doesNotContain("10115");
        assertThat(given().cookie("cart", cartId).get("/checkout?retry=not-an-id").asString()).doesNotContain("10115");
    }

    @Test
    void everyBadFieldIsNamedInOneAnswerIncludingAnExpiredCard() {
        String id = cart.createCart(Map.of(SKU, 1));
        Map<String, String> form = form(key(given().cookie("cart", id).get("/checkout").asString()));
        form.put("email", "not an email");
        form.put("postalCode", "");
        form.put("expiry", "01/20");

        String html = post(id, form).then().statusCode(400).extract().asString();

        assertThat(html).contains("Email must be an email address").contains("Postal code is required")
                .contains("This card has expired").contains("value=\"Hauptstra\u00dfe 5\"").doesNotContain(CARD);
        assertThat(placements()).as("nothing sent to orders").isEmpty();
    }

    /** Signed out, an account's order page was a 500 in JSON (issue 19): now the way to sign in, back to the order. */
    @Test
    void anAccountsOrderSignedOutLeadsToSignInAndBackToIt() {
        String id = orders.createOrderOf("someone-else", "CONFIRMED");

        Response response = given().redirects().follow(false).get("/orders/" + id);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/login?return=%2Forders%2F" + id);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        Response panel = given().redirects().follow(false).get("/orders/" + id + "/status");
        assertThat(panel.statusCode()).isEqualTo(286); // htmx stops polling
        assertThat(panel.asString()).doesNotContain("Audio Thing").doesNotContain("Ada");
    }

    @Test
    void anUnknownOrderIsTheFriendly404AndOrdersDownTheFriendly503() {
        String unknown = "1c7f3d2e-0000-4000-8000-000000000000";
        assertThat(page("/orders/" + unknown, 404)).contains("We couldn\u2019t find that order");
        assertThat(page("/orders/not-an-id", 404)).contains("We couldn\u2019t find that order");
        assertThat(orders.requests()).extracting(OrdersStandIn.Request::path).containsExactly("/api/orders/" + unknown);

        String id = orders.createOrder("PENDING", null, null);
        orders.failWith("/api/orders", 503);
        Response down = given().get("/orders/" + id);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.asString()).contains("Your order is temporarily out of view").contains("href=\"/orders/" + id + "\"");
        page("/", 200);
    }

    // --- live updates ---------------------------------------------------------------------------------------

    @Test
    void theLiveEndpointRelaysEachStatusAsAPanelAndEndsAtTheFinalOne() throws Exception {
        String id = orders.createOrder("PENDING", null, null);

        try (EventReader events = EventReader.open(URI.create(root.toString()).resolve("/orders/" + id + "/live"))) {
            assertThat(events.contentType()).startsWith("text/event-stream");
            Event first = events.next();
            assertThat(first.name()).isEqualTo("status");
            assertThat(first.data()).contains("id=\"order-panel\"").contains("Placing your order").doesNotContain("hx-get");

            awaitTrue(() -> orders.followers(id) == 1);
            orders.update(id, "CONFIRMED", null, null);

            Event confirmed = events.next();
            assertThat(confirmed.name()).isEqualTo("status");
            assertThat(confirmed.data()).contains("Thank you, your order is confirmed").contains("Visa ending in 4242")
                    .contains("Audio Thing 01");
            assertThat(events.next().name()).isEqualTo("end");
            assertThat(events.nextOrEnd()).isNull();
            assertThat(events.malformedLines()).isEmpty();
        }
    }

    @Test
    void eventsThatNameTheirContentTypeAreRelayedToo() throws Exception {
        orders.typedEvents(true);
        String id = orders.createOrder("CANCELLED", "PAYMENT_DECLINED", "the card was declined");

        try (EventReader events = EventReader.open(URI.create(root.toString()).resolve("/orders/" + id + "/live"))) {
            Event cancelled = events.next();
            assertThat(cancelled.name()).isEqualTo("status");
            assertThat(cancelled.data()).contains("Your order was cancelled").contains("The card was declined.");
            assertThat(events.next().name()).isEqualTo("end");
            assertThat(events.nextOrEnd()).isNull();
        }
    }

    @Test
    void whenTheOrdersStreamFailsTheLastPanelPollsInstead() throws Exception {
        String id = orders.createOrder("PENDING", null, null);
        orders.failWith("/api/orders/" + id + "/events", 503);

        try (EventReader events = EventReader.open(URI.create(root.toString()).resolve("/orders/" + id + "/live"))) {
            Event fallback = events.next();
            assertThat(fallback.name()).isEqualTo("status");
            assertThat(fallback.data()).contains("Placing your order")
                    .contains("hx-get=\"/orders/" + id + "/status\"").contains("hx-trigger=\"every 2s\"");
            assertThat(events.next().name()).isEqualTo("end");
            assertThat(events.nextOrEnd()).isNull();
        }

        String pending = given().get("/orders/" + id + "/status").then().statusCode(200).extract().asString();
        assertThat(pending).doesNotContain("<html").contains("hx-trigger=\"every 2s\"").contains("Placing your order");
        orders.update(id, "CANCELLED", "OUT_OF_STOCK", "only 1 left of AUD-000001");
        String cancelled = given().get("/orders/" + id + "/status").then().statusCode(200).extract().asString();
        assertThat(cancelled).contains("Only 1 left of AUD-000001.").doesNotContain("hx-trigger");
        given().get("/orders/1c7f3d2e-0000-4000-8000-000000000001/status").then().statusCode(286);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static Map<String, String> form(String key) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("idempotencyKey", key);
        form.put("email", "ada@example.com");
        form.put("name", "Ada Lovelace");
        form.put("line1", "Hauptstra\u00dfe 5");
        form.put("line2", "");
        form.put("city", "Berlin");
        form.put("region", "");
        form.put("postalCode", "10115");
        form.put("country", "DE");
        form.put("cardNumber", CARD);
        form.put("expiry", "12/39");
        form.put("cvc", CVC);
        return form;
    }

    private static Response post(String cartId, Map<String, String> form) {
        return given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").cookie("cart", cartId)
                .formParams(form).post("/checkout");
    }

    private List<OrdersStandIn.Request> placements() {
        return orders.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    private static String key(String html) {
        Matcher m = KEY.matcher(html);
        assertThat(m.find()).as("the form has an idempotency key").isTrue();
        return m.group(1);
    }

    private static String page(String path, int status) {
        return given().get(path).then().statusCode(status).contentType("text/html").extract().asString();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition within " + DEADLINE).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** One server-sent event: its name and its data lines joined. */
    record Event(String name, String data) {
    }

    /** Reads server-sent events from a background thread, each wait bounded by {@link #DEADLINE}. */
    static final class EventReader implements AutoCloseable {

        private static final Event END = new Event("<end of stream>", "");
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final List<String> malformed = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final InputStream body;
        private final String contentType;
        private final Thread reader;

        private EventReader(HttpResponse<InputStream> response) {
            this.body = response.body();
            this.contentType = response.headers().firstValue("Content-Type").orElse("");
            this.reader = Thread.ofPlatform().daemon().start(this::read);
        }

        static EventReader open(URI uri) throws Exception {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
            HttpResponse<InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            return new EventReader(response);
        }

        String contentType() {
            return contentType;
        }

        Event next() throws InterruptedException {
            Event event = nextOrEnd();
            assertThat(event).as("an event within " + DEADLINE).isNotNull();
            return event;
        }

        /** The next event, or null once the stream has ended. */
        Event nextOrEnd() throws InterruptedException {
            Event event = events.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an event or the end within " + DEADLINE).isNotNull();
            return event == END ? null : event;
        }

        List<String> malformedLines() {
            return malformed;
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                List<String> data = new ArrayList<>();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty() || name != null) {
                            events.add(new Event(name == null ? "message" : name, String.join("\n", data)));
                        }
                        name = null;
                        data = new ArrayList<>();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
                    } else if (!line.startsWith(":") && !line.startsWith("id:") && !line.startsWith("retry:")) {
                        malformed.add(line);
                    }
                }
            } catch (Exception e) {
                // closed by the test
            } finally {
                events.add(END);
            }
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.join(Duration.ofSeconds(5));
        }
    }
}
