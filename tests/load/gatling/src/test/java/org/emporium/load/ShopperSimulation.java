package org.emporium.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The TeaStore browse cycle against the storefront, one virtual user per shopping session with its
 * own cookies: home, sign-in page, sign in (identity's real login form), a category, a product, add
 * to cart, the cart, the category again, another category, add to cart, the cart, my orders, sign
 * out. With {@code checkoutPercent} above 0 ("mixed"), that share of the sessions also checks out
 * through the storefront's form before "my orders".
 *
 * <p>Settings are system properties (tests/load/scenario.sh passes them): {@code gateway},
 * {@code accounts} (a CSV of email,password: each session signs in as the next), {@code users}
 * (concurrent sessions, closed model), {@code rate} (sessions started per second, open model; 0 for
 * the closed one), {@code duration} (seconds), {@code checkoutPercent}, {@code workload} (the name in
 * the report). No think time: like wrk, it measures what the system does flat out.
 */
public class ShopperSimulation extends Simulation {

    private static final String GATEWAY = System.getProperty("gateway", "http://localhost:8080");
    private static final String ACCOUNTS = System.getProperty("accounts", "accounts.csv");
    private static final int USERS = Integer.getInteger("users", 32);
    private static final double RATE = Double.parseDouble(System.getProperty("rate", "0"));
    private static final int DURATION = Integer.getInteger("duration", 30);
    private static final double CHECKOUT_PERCENT = Double.parseDouble(System.getProperty("checkoutPercent", "0"));
    private static final String WORKLOAD = System.getProperty("workload", CHECKOUT_PERCENT > 0 ? "mixed" : "browse");

    /**
     * A signed-in shopper's cart is the account's and outlives the session (the next sign-in finds it
     * again), so every session would add two lines to it for good and the cart would hit its 50-line
     * cap within minutes. A shopper whose cart shows this many lines at the end empties it: about one
     * session in six, ten removes or so each, and the carts stay TeaStore-sized.
     */
    private static final int EMPTY_THE_CART_AT = 10;

    private static final String SKU_LINK = "href=\"/p/([A-Z0-9][A-Z0-9-]{2,31})\"";
    private static final String CATEGORY_LINK = "href=\"(/c/[a-z0-9-]+)\"";

    /** A form post as a browser sends it from the shop's own page (the storefront checks where posts come from). */
    private static final String SAME_ORIGIN = "same-origin";

    private final HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .userAgentHeader("Emporium bench (Gatling)");

    /** Adding with htmx, as the product page and the product cards do: the answer is the status line and the mini-cart. */
    private static ChainBuilder addToCart(String skuKey) {
        return exec(http("add to cart").post("/cart/items")
                .header("HX-Request", "true").header("Sec-Fetch-Site", SAME_ORIGIN)
                .formParam("sku", "#{" + skuKey + "}").formParam("quantity", "1")
                // the cart refusing for stock ("Only 2 left", out of stock) is the shop's answer, not a failure
                .check(status().in(200, 422)));
    }

    private static final ChainBuilder SIGN_IN = exec(
            http("home").get("/")
                    .check(status().is(200), css("#sign-in").exists()),
            // the storefront sends the browser to identity's authorization endpoint, which sends it on to
            // its login form: the form carries identity's CSRF token, its session cookie the saved request
            http("sign-in page").get("/login?return=/")
                    .check(status().is(200), css("input[name='_csrf']", "value").saveAs("identityCsrf"),
                            currentLocationRegex("^(https?://[^/]+)/login").saveAs("identity")),
            // identity resumes the authorization request, the storefront exchanges the code and starts
            // its session, then sends the browser back home
            http("sign in").post("#{identity}/login")
                    .formParam("username", "#{email}").formParam("password", "#{password}")
                    .formParam("_csrf", "#{identityCsrf}")
                    .check(status().is(200), css("#account-email").exists(),
                            css("form[action='/logout'] input[name='csrf']", "value").saveAs("signOutToken"),
                            regex(CATEGORY_LINK).findRandom().saveAs("category"),
                            regex(CATEGORY_LINK).findRandom().saveAs("otherCategory")));

    private static final ChainBuilder SHOP = exec(
            http("category").get("#{category}")
                    .check(status().is(200), regex(SKU_LINK).findRandom().saveAs("sku")),
            http("product").get("/p/#{sku}").check(status().is(200)))
            .exec(addToCart("sku"))
            .exec(http("cart").get("/cart").check(status().is(200)),
                    http("category again").get("#{category}").check(status().is(200)),
                    http("another category").get("#{otherCategory}")
                            .check(status().is(200), regex(SKU_LINK).findRandom().saveAs("otherSku")))
            .exec(addToCart("otherSku"))
            .exec(http("cart").get("/cart")
                    .check(status().is(200), regex("id=\"line-([A-Z0-9-]+)\"").findAll().optional().saveAs("lines")));

    private static final ChainBuilder EMPTY_A_FULL_CART = doIf(
            session -> session.contains("lines") && session.getList("lines").size() >= EMPTY_THE_CART_AT)
            .then(foreach("#{lines}", "line").on(exec(http("empty the cart").post("/cart/items/#{line}/remove")
                    .header("HX-Request", "true").header("Sec-Fetch-Site", SAME_ORIGIN)
                    .check(status().is(200)))));

    /** The checkout form as a signed-in shopper fills it (the email is pre-filled; sent as the browser would). */
    private static final ChainBuilder CHECK_OUT = exec(
            http("checkout page").get("/checkout")
                    .check(status().is(200), css("input[name='idempotencyKey']", "value").saveAs("idempotencyKey"),
                            css("#checkout-email", "value").saveAs("checkoutEmail")),
            // 303 to the order page, which shows "Placing your order…" until the saga ends (its live
            // updates are a server-sent stream a browser keeps open; not followed here)
            http("place order").post("/checkout").header("Sec-Fetch-Site", SAME_ORIGIN)
                    .formParam("idempotencyKey", "#{idempotencyKey}").formParam("email", "#{checkoutEmail}")
                    .formParam("name", "Ada Lovelace").formParam("line1", "1 Analytical Way")
                    .formParam("city", "London").formParam("postalCode", "N1 9GU").formParam("country", "GB")
                    .formParam("cardNumber", "4242 4242 4242 4242").formParam("expiry", "12/30").formParam("cvc", "123")
                    .check(status().is(200), currentLocationRegex("/orders/([0-9a-f-]{36})").exists()));

    private static final ChainBuilder SIGN_OUT = exec(
            http("my orders").get("/account/orders").check(status().is(200)),
            // the storefront ends its session, then identity's (/connect/logout), which sends the browser home
            http("sign out").post("/logout").header("Sec-Fetch-Site", SAME_ORIGIN)
                    .formParam("csrf", "#{signOutToken}")
                    .check(status().is(200), css("#sign-in").exists()));

    {
        // a step that fails ends the session there (counted once), rather than failing every later
        // step for want of what it should have found
        ScenarioBuilder session = scenario(WORKLOAD)
                .feed(csv(ACCOUNTS).circular())
                .exitBlockOnFail().on(exec(SIGN_IN, SHOP)
                        // a session that checks out buys the whole cart (orders empties it); the others empty a full one
                        .doIfOrElse(s -> ThreadLocalRandom.current().nextDouble(100) < CHECKOUT_PERCENT)
                        .then(CHECK_OUT).orElse(EMPTY_A_FULL_CART)
                        .exec(SIGN_OUT));
        PopulationBuilder population = RATE > 0
                ? session.injectOpen(constantUsersPerSec(RATE).during(DURATION))
                : session.injectClosed(constantConcurrentUsers(USERS).during(DURATION));
        setUp(population).protocols(protocol).maxDuration(Duration.ofSeconds(DURATION));
    }

    // bench.py counts the system's CPU between these two lines, so the JVM's start and the report
    // are left out of the measured window
    @Override
    public void before() {
        System.out.println("emporium-bench: load starts");
        System.out.flush();
    }

    @Override
    public void after() {
        System.out.println("emporium-bench: load ended");
        System.out.flush();
    }
}
