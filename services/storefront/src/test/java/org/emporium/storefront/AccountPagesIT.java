package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts: sign-in through a stand-in OpenID provider (authorization code + PKCE, ID token checked
 * against its JWKS), the session cookie, the guest cart merged at sign-in, refresh, "My orders",
 * checkout's email, sign-out and the failures (bad state, cancelled, provider failing, tampered
 * cookie, open redirect, forged sign-out).
 */
@QuarkusTest
@WithTestResource(CatalogStandInResource.class)
@WithTestResource(CartStandInResource.class)
@WithTestResource(InventoryStandInResource.class)
@WithTestResource(OrdersStandInResource.class)
@WithTestResource(OidcStandInResource.class)
class AccountPagesIT {

    private static final String SKU = "AUD-000001";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    CartClient carts;

    @Inject
    CatalogClient catalog;

    @Inject
    CircuitBreakerMaintenance breakers;

    private OidcStandIn provider;
    private CartStandIn cart;
    private OrdersStandIn orders;

    @BeforeEach
    void cleanSlate() {
        provider = OidcStandInResource.standIn();
        cart = CartStandInResource.standIn();
        orders = OrdersStandInResource.standIn();
        provider.reset();
        cart.reset();
        orders.reset();
        InventoryStandInResource.standIn().reset();
        CatalogStandInResource.standIn().reset();
        carts.invalidateCaches();
        catalog.invalidateCaches();
        breakers.resetAll();
    }

    /** The cookies after a sign-in, and the storefront's answer to the callback. */
    record SignedIn(String session, String cartId, Response callback) {
    }

    @Test
    void signedOutHeaderOffersSignInAndSignUp() {
        String home = given().get("/").then().statusCode(200).extract().asString();
        assertThat(home).contains("id=\"sign-in\"").contains("href=\"/login\"").contains("id=\"sign-up\"")
                .contains("href=\"/signup\"").doesNotContain("id=\"sign-out\"").doesNotContain("id=\"account-email\"");
        // from another page, signing in or up comes back to it
        String cartPage = given().get("/cart").then().statusCode(200).extract().asString();
        assertThat(cartPage).contains("id=\"sign-in\" class=\"account-nav__link\" href=\"/login?return=%2Fcart\"")
                .contains("href=\"/signup?return=%2Fcart\"");
    }

    @Test
    void signInRoundTripSetsTheSessionAndMergesTheGuestCart() {
        String guest = cart.createCart(Map.of(SKU, 2));
        String theirs = cart.createOwnedCart(provider.account().subject(), Map.of("AUD-000002", 1));

        Response start = given().redirects().follow(false).queryParam("return", "/cart").get("/login");
        assertThat(start.statusCode()).isEqualTo(303);
        URI authorize = URI.create(start.header("Location"));
        assertThat(authorize.toString()).startsWith(provider.issuer() + "/oauth2/authorize");
        Map<String, String> query = LoopbackServer.query(authorize.getRawQuery());
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "storefront")
                .containsEntry("code_challenge_method", "S256").containsEntry("redirect_uri", "http://localhost:8080/login/callback")
                .containsKeys("state", "nonce", "code_challenge").doesNotContainKey("prompt");
        assertThat(query.get("scope")).contains("openid").contains("email").contains("profile");
        String loginCookie = start.header("Set-Cookie");
        assertThat(loginCookie).startsWith("emporium_login=").contains("Path=/login").contains("HttpOnly")
                .contains("Max-Age=600").containsIgnoringCase("SameSite=Lax").contains("Secure");

        SignedIn signedIn = finish(start, guest);
        Response callback = signedIn.callback();
        assertThat(callback.statusCode()).isEqualTo(303);
        assertThat(URI.create(callback.header("Location")).getPath()).isEqualTo("/cart");
        List<String> setCookies = callback.headers().getValues("Set-Cookie");
        String sessionCookie = setCookies.stream().filter(c -> c.startsWith("emporium_session=") && !c.contains("Max-Age=0"))
                .findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        assertThat(cleared(setCookies, "emporium_login")).isTrue();
        // the whole Set-Cookie header line stays well under the 4 KB browsers keep
        System.out.println("emporium_session Set-Cookie: " + sessionCookie.length() + " bytes (value "
                + signedIn.session().length() + ")");
        assertThat(sessionCookie.length()).isLessThan(4096);

        // the guest cart was merged into the account's, with the access token; the cookie names the account's cart
        CartStandIn.Request merge = cart.requests().stream().filter(r -> r.path().equals("/api/carts/mine/merge"))
                .findFirst().orElseThrow();
        assertThat(merge.authorization()).isEqualTo("Bearer " + provider.accessTokens().getLast());
        assertThat(merge.body().path("cartId").asText()).isEqualTo(guest);
        assertThat(signedIn.cartId()).isEqualTo(theirs);
        assertThat(cart.cart(theirs)).containsEntry(SKU, 2).containsEntry("AUD-000002", 1);

        // signed in: the header shows the account, and the cart is read with the token
        String page = given().cookie("emporium_session", signedIn.session()).cookie("cart", signedIn.cartId())
                .get("/cart").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"account-email\"").contains("ada@example.com").contains("id=\"my-orders\"")
                .contains("id=\"sign-out\"").doesNotContain("id=\"sign-in\"").contains("Audio Thing 01");
        assertThat(cart.requests().getLast().authorization()).isEqualTo("Bearer " + provider.accessTokens().getLast());
    }

    @Test
    void withoutAGuestCartTheAccountsCartIsFound() {
        String theirs = cart.createOwnedCart(provider.account().subject(), Map.of(SKU, 1));

        SignedIn signedIn = signIn("/", null);

        assertThat(signedIn.cartId()).isEqualTo(theirs);
        assertThat(cart.requests()).anyMatch(r -> r.path().equals("/api/carts/mine") && r.method().equals("GET")
                && r.authorization() != null && r.authorization().startsWith("Bearer "));
        assertThat(cart.requests()).noneMatch(r -> r.path().endsWith("/merge"));
    }

    @Test
    void signUpAsksTheProviderForItsRegistrationPage() {
        Response start = given().redirects().follow(false).get("/signup");
        assertThat(start.statusCode()).isEqualTo(303);
        Map<String, String> query = LoopbackServer.query(URI.create(start.header("Location")).getRawQuery());
        assertThat(query).containsEntry("prompt", "create").containsKeys("state", "nonce", "code_challenge");

        SignedIn signedIn = finish(start, null);
        assertThat(signedIn.callback().statusCode()).isEqualTo(303);
        assertThat(signedIn.session()).isNotBlank();
    }

    @Test
    void aWrongStateIsA400PageAndNoSession() {
        Response start = given().redirects().follow(false).get("/login");
        String login = start.cookie("emporium_login");
        Response callback = given().redirects().follow(false).cookie("emporium_login", login)
                .queryParam("code", "whatever").queryParam("state", "not-the-state").get("/login/callback");

        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.asString()).contains("We couldn\u2019t sign you in").contains("Try again")
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(value(callback.headers().getValues("Set-Cookie"), "emporium_session")).isNull();

        // no login cookie at all (expired, or another browser)
        given().redirects().follow(false).queryParam("code", "x").queryParam("state", "y").get("/login/callback")
                .then().statusCode(400);
    }

    @Test
    void aCancelledSignInSaysSoWithA400() {
        provider.deny(true);
        Response start = given().redirects().follow(false).get("/login");
        Response back = given().urlEncodingEnabled(false).redirects().follow(false).get(start.header("Location"));
        URI callback = URI.create(back.header("Location"));
        Map<String, String> query = LoopbackServer.query(callback.getRawQuery());

        Response answer = given().redirects().follow(false).cookie("emporium_login", start.cookie("emporium_login"))
                .queryParam("error", query.get("error")).queryParam("state", query.get("state")).get("/login/callback");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString()).contains("Sign-in was cancelled").contains("href=\"/login?return=%2F\"");
    }

    @Test
    void aFailingProviderIsA502PageWithTryAgain() {
        provider.failTokens(503);
        SignedIn attempt = signIn("/cart", null);

        assertThat(attempt.callback().statusCode()).isEqualTo(502);
        assertThat(attempt.callback().asString()).contains("Signing in is unavailable right now")
                .contains("href=\"/login?return=%2Fcart\"").doesNotContain("Exception");
        assertThat(attempt.session()).isNull();
    }

    @Test
    void aTamperedSessionCookieIsSignedOutAndCleared() {
        SignedIn signedIn = signIn("/", null);
        String value = signedIn.session();
        char flipped = value.charAt(20) == 'A' ? 'B' : 'A';
        String tampered = value.substring(0, 20) + flipped + value.substring(21);

        for (String bad : List.of(tampered, "garbage", value + "x", value.substring(0, value.length() - 4))) {
            Response page = given().cookie("emporium_session", bad).get("/");
            assertThat(page.statusCode()).as(bad).isEqualTo(200);
            assertThat(page.asString()).contains("id=\"sign-in\"").doesNotContain("id=\"account-email\"");
            assertThat(cleared(page.headers().getValues("Set-Cookie"), "emporium_session")).isTrue();
        }
    }

    @Test
    void anExpiringAccessTokenIsRefreshedBeforeTheCartIsCalled() {
        provider.lifetime(Duration.ofSeconds(10)); // within the 30 s margin: every use refreshes
        String guest = cart.createCart(Map.of(SKU, 1));
        SignedIn signedIn = signIn("/", guest);
        String first = provider.accessTokens().getLast();

        Response page = given().cookie("emporium_session", signedIn.session()).cookie("cart", signedIn.cartId()).get("/cart");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(provider.refreshes()).isEqualTo(1);
        String refreshed = provider.accessTokens().getLast();
        assertThat(refreshed).isNotEqualTo(first);
        assertThat(cart.requests().getLast().authorization()).isEqualTo("Bearer " + refreshed);
        assertThat(value(page.headers().getValues("Set-Cookie"), "emporium_session")).isNotBlank()
                .isNotEqualTo(signedIn.session());
        assertThat(page.asString()).contains("id=\"account-email\"");

        // the old cookie's refresh token was rotated: once the short-lived sharing is gone it no longer works,
        // and a failed refresh is a signed-out page, never an error
        provider.reset();
        Response stale = given().cookie("emporium_session", signedIn.session()).get("/");
        assertThat(stale.statusCode()).isEqualTo(200);
    }

    @Test
    void aFailedRefreshSignsOut() {
        provider.lifetime(Duration.ofSeconds(10));
        SignedIn signedIn = signIn("/", null);
        provider.failTokens(400);

        Response page = given().cookie("emporium_session", signedIn.session()).get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("id=\"sign-in\"");
        assertThat(cleared(page.headers().getValues("Set-Cookie"), "emporium_session")).isTrue();
    }

    @Test
    void myOrdersNeedsASignIn() {
        Response answer = given().redirects().follow(false).get("/account/orders");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/login?return=%2Faccount%2Forders");
    }

    @Test
    void myOrdersListsTheAccountsOrdersWithTheToken() {
        String subject = provider.account().subject();
        String confirmed = UUID.randomUUID().toString();
        String pending = UUID.randomUUID().toString();
        String cancelled = UUID.randomUUID().toString();
        orders.ownedOrders(subject, List.of(
                OrdersStandIn.summary(pending, "PENDING", "12.50", "2025-03-02T09:00:00Z"),
                OrdersStandIn.summary(confirmed, "CONFIRMED", "1299.50", "2025-03-01T09:00:00Z"),
                OrdersStandIn.summary(cancelled, "CANCELLED", "3.00", "2025-02-28T09:00:00Z")));
        orders.ownedOrders("someone-else", List.of(OrdersStandIn.summary(UUID.randomUUID().toString(), "CONFIRMED", "1.00",
                "2025-03-01T09:00:00Z")));
        SignedIn signedIn = signIn("/account/orders", null);
        assertThat(URI.create(signedIn.callback().header("Location")).getPath()).isEqualTo("/account/orders");

        String page = given().cookie("emporium_session", signedIn.session()).get("/account/orders")
                .then().statusCode(200).extract().asString();

        assertThat(page).contains("<h1 id=\"orders-title\">My orders</h1>");
        assertThat(count(page, "class=\"order-row\"")).isEqualTo(3);
        assertThat(page).contains("href=\"/orders/" + confirmed + "\"").contains("href=\"/orders/" + pending + "\"")
                .contains("$1,299.50").contains("Confirmed").contains("Being placed").contains("1 Mar 2025")
                .contains("Cancelled<span class=\"order-row__reason\">The card was declined.</span>");
        assertThat(page.indexOf(pending)).isLessThan(page.indexOf(confirmed));
        OrdersStandIn.Request list = orders.requests().stream().filter(r -> r.method().equals("GET") && r.path().equals("/api/orders"))
                .findFirst().orElseThrow();
        assertThat(list.authorization()).isEqualTo("Bearer " + provider.accessTokens().getLast());

        // the order page relays the token too
        orders.createOrder("CONFIRMED", null, null);
        String id = orders.createOrder("CONFIRMED", null, null);
        given().cookie("emporium_session", signedIn.session()).get("/orders/" + id).then().statusCode(200);
        assertThat(orders.requests().getLast().authorization()).startsWith("Bearer ");
    }

    @Test
    void checkoutFillsInTheAccountsEmailAndPlacesTheOrderWithTheToken() {
        String guest = cart.createCart(Map.of(SKU, 1));
        SignedIn signedIn = signIn("/checkout", guest);

        String form = given().cookie("emporium_session", signedIn.session()).cookie("cart", signedIn.cartId())
                .get("/checkout").then().statusCode(200).extract().asString();
        assertThat(form).contains("value=\"ada@example.com\"");

        // a guest's form stays blank
        String guestCart = cart.createCart(Map.of(SKU, 1));
        String blank = given().cookie("cart", guestCart).get("/checkout").then().statusCode(200).extract().asString();
        assertThat(blank).doesNotContain("ada@example.com");

        Response placed = given().redirects().follow(false).cookie("emporium_session", signedIn.session())
                .cookie("cart", signedIn.cartId()).header("Sec-Fetch-Site", "same-origin")
                .formParam("idempotencyKey", UUID.randomUUID().toString()).formParam("email", "ada@example.com")
                .formParam("name", "Ada Lovelace").formParam("line1", "1 Analytical Way").formParam("city", "London")
                .formParam("postalCode", "N1 9GU").formParam("country", "GB").formParam("cardNumber", "4242 4242 4242 4242")
                .formParam("expiry", "12/30").formParam("cvc", "123").post("/checkout");
        assertThat(placed.statusCode()).isEqualTo(303);
        OrdersStandIn.Request place = orders.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertThat(place.authorization()).isEqualTo("Bearer " + provider.accessTokens().getLast());
    }

    @Test
    void signOutClearsTheCookiesAndEndsTheProvidersSession() {
        SignedIn signedIn = signIn("/", cart.createCart(Map.of(SKU, 1)));
        String page = given().cookie("emporium_session", signedIn.session()).get("/").then().statusCode(200).extract().asString();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        assertThat(page).contains("<form class=\"account-nav__form\" method=\"post\" action=\"/logout\">");

        Response out = given().redirects().follow(false).cookie("emporium_session", signedIn.session())
                .cookie("cart", signedIn.cartId()).header("Sec-Fetch-Site", "same-origin")
                .formParam("csrf", csrf.group(1)).post("/logout");

        assertThat(out.statusCode()).isEqualTo(303);
        URI end = URI.create(out.header("Location"));
        assertThat(end.toString()).startsWith(provider.issuer() + "/connect/logout?");
        Map<String, String> query = LoopbackServer.query(end.getRawQuery());
        assertThat(query).containsEntry("post_logout_redirect_uri", "http://localhost:8080/").containsKey("id_token_hint");
        List<String> cookies = out.headers().getValues("Set-Cookie");
        assertThat(cleared(cookies, "emporium_session")).isTrue();
        assertThat(cleared(cookies, "cart")).isTrue();
    }

    @Test
    void signOutWithoutOrWithAWrongTokenOrFromAnotherSiteIsRefused() {
        SignedIn signedIn = signIn("/", null);
        String csrf = token(given().cookie("emporium_session", signedIn.session()).get("/").asString());

        for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("csrf", "wrong"))) {
            Response refused = given().redirects().follow(false).cookie("emporium_session", signedIn.session())
                    .formParams(form).post("/logout");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.asString()).contains("That didn\u2019t come from our shop").contains("Sign out");
            assertThat(cleared(refused.headers().getValues("Set-Cookie"), "emporium_session")).isFalse();
        }
        Response crossSite = given().redirects().follow(false).cookie("emporium_session", signedIn.session())
                .header("Sec-Fetch-Site", "cross-site").formParam("csrf", csrf).post("/logout");
        assertThat(crossSite.statusCode()).isEqualTo(403);
    }

    @Test
    void onlyLocalReturnPathsAreFollowed() {
        for (String evil : List.of("https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "evil.example")) {
            SignedIn signedIn = signIn(evil, null);
            String location = signedIn.callback().header("Location");
            assertThat(URI.create(location).getPath()).as(evil).isEqualTo("/");
            assertThat(location).doesNotContain("evil");
        }
        assertThat(URI.create(signIn("/c/headphones-audio?page=2", null).callback().header("Location")).toString())
                .endsWith("/c/headphones-audio?page=2");
    }

    @Test
    void scriptInTheAccountOrOrdersIsRenderedEscaped() {
        provider.account(new OidcStandIn.Account(UUID.randomUUID().toString(), "<script>alert(1)</script>@example.com",
                "<script>alert(2)</script>"));
        orders.ownedOrders(provider.account().subject(), List.of(OrdersStandIn.summary(UUID.randomUUID().toString(),
                "<script>alert(3)</script>", "1.00", "<script>alert(4)</script>")));
        SignedIn signedIn = signIn("/", null);

        for (String path : List.of("/", "/account/orders")) {
            String page = given().cookie("emporium_session", signedIn.session()).get(path).then().statusCode(200)
                    .extract().asString();
            assertThat(page).as(path).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private SignedIn signIn(String returnPath, String guestCart) {
        Response start = given().redirects().follow(false).queryParam("return", returnPath).get("/login");
        assertThat(start.statusCode()).isEqualTo(303);
        return finish(start, guestCart);
    }

    /** Follows the provider's authorization endpoint, then brings its answer to the storefront's callback. */
    private SignedIn finish(Response start, String guestCart) {
        Response authorized = given().urlEncodingEnabled(false).redirects().follow(false).get(start.header("Location"));
        assertThat(authorized.statusCode()).isEqualTo(302);
        URI callback = URI.create(authorized.header("Location"));
        assertThat(callback.getPath()).isEqualTo("/login/callback");
        Map<String, String> query = LoopbackServer.query(callback.getRawQuery());
        var request = given().redirects().follow(false).cookie("emporium_login", start.cookie("emporium_login"));
        if (guestCart != null) {
            request.cookie("cart", guestCart);
        }
        query.forEach(request::queryParam);
        Response answer = request.get("/login/callback");
        List<String> cookies = answer.headers().getValues("Set-Cookie");
        return new SignedIn(value(cookies, "emporium_session"), value(cookies, "cart"), answer);
    }

    /** The value a Set-Cookie header gives the cookie {@code name}, or null when none sets it (or only clears it). */
    private static String value(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=") && !c.contains("Max-Age=0")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length())).orElse(null);
    }

    private static boolean cleared(List<String> setCookies, String name) {
        return setCookies.stream().anyMatch(c -> c.startsWith(name + "=") && c.contains("Max-Age=0"));
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a sign-out form with its token").isTrue();
        return m.group(1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
