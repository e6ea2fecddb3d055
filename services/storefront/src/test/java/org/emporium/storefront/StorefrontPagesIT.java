package org.emporium.storefront;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The storefront's pages against a stand-in catalog: what the pages show, what they ask the
 * catalog for, and how they behave when the catalog fails. The test that stops the stand-in runs
 * last; every other test starts from a clean stand-in, empty caches and closed breakers.
 */
@QuarkusTest
@WithTestResource(CatalogStandInResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorefrontPagesIT {

    private static final String SKU_PATH = "/api/catalog/products/sku/";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Inject
    CatalogClient catalog;

    @Inject
    CircuitBreakerMaintenance breakers;

    private CatalogStandIn standIn;

    @BeforeEach
    void cleanSlate() {
        standIn = CatalogStandInResource.standIn();
        standIn.reset();
        catalog.invalidateCaches();
        breakers.resetAll();
    }

    @AfterEach
    void letHangingRequestsGo() {
        standIn.reset();
    }

    @Test
    void homeListsTheCategoriesWithCountsAndTheNewestProducts() {
        String html = page("/", 200);

        assertThat(html).contains("<title>Emporium</title>")
                .contains("href=\"/c/headphones-audio\"")
                .contains("Headphones &amp; Audio")
                .contains("31 products")
                .contains("Home &amp; Kitchen")
                .contains("New arrivals")
                .contains("$1,299.50")
                .contains("href=\"/p/AUD-000030\"");
        CatalogStandIn.Request featured = standIn.requestsTo("/api/catalog/products").getFirst();
        assertThat(featured.query()).containsEntry("sort", "newest").containsEntry("size", "8")
                .containsEntry("page", "0").doesNotContainKey("category");
    }

    @Test
    void homeLoadsHtmxFromTheWebjarAndTheStylesheet() {
        String html = page("/", 200);
        Matcher script = Pattern.compile("<script src=\"([^\"]+)\" defer></script>").matcher(html);
        assertThat(script.find()).isTrue();

        given().get(script.group(1)).then().statusCode(200);
        given().get("/css/storefront.css").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"));
        assertThat(html).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>| on[a-z]+=\"");
    }

    @Test
    void categoryPageAsksForTheRequestedPageAndSortAndLinksTheOtherPages() {
        String html = page("/c/headphones-audio?page=1&sort=-price", 200);

        CatalogStandIn.Request listing = standIn.requestsTo("/api/catalog/products").getFirst();
        assertThat(listing.query()).containsEntry("category", "headphones-audio").containsEntry("page", "1")
                .containsEntry("size", "24").containsEntry("sort", "-price");
        assertThat(html).contains("<h1>Headphones &amp; Audio</h1>")
                .contains("Showing 25\u201331 of 31 products")
                .contains("<option value=\"-price\" selected>")
                .contains("rel=\"prev\" href=\"/c/headphones-audio?sort=-price\"")
                .containsPattern("href=\"/c/headphones-audio\\?page=1&amp;sort=-price\" aria-current=\"page\"")
                .contains("aria-current=\"page\">Headphones &amp; Audio</a>");
    }

    @Test
    void categoryPageFallsBackToDefaultsForNonsenseParameters() {
        page("/c/headphones-audio?page=-3&sort=bogus", 200);
        page("/c/headphones-audio?page=abc", 200);

        assertThat(standIn.requestsTo("/api/catalog/products"))
                .allSatisfy(r -> assertThat(r.query()).containsEntry("page", "0").containsEntry("sort", "name"));
    }

    @Test
    void htmxRequestGetsOnlyTheResultsFragment() {
        Response response = given().header("HX-Request", "true").get("/c/headphones-audio?sort=price");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Vary")).contains("HX-Request");
        String html = response.asString().strip();
        assertThat(html).startsWith("<section id=\"results\"").endsWith("</div>")
                .contains("<div id=\"announcer\" hx-swap-oob=\"innerHTML\">")
                .doesNotContain("<html", "<header", "<h1")
                .contains("hx-get=\"/c/headphones-audio?page=1&amp;sort=price\"");
    }

    @Test
    void htmxHistoryRestoreGetsTheWholePage() {
        String html = given().header("HX-Request", "true").header("HX-History-Restore-Request", "true")
                .get("/c/headphones-audio").then().statusCode(200).extract().asString();

        assertThat(html).contains("<html", "<h1>Headphones &amp; Audio</h1>", "id=\"results\"");
    }

    @Test
    void productPageShowsEscapedNameFormattedPriceAndAttributes() {
        String html = page("/p/" + CatalogStandIn.HOSTILE_SKU, 200);

        assertThat(html).doesNotContain("<script>alert")
                .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; Studio Monitor")
                .contains("$1,299.50")
                .contains("by Acme &amp; Sons")
                .contains("<th scope=\"row\">Battery life</th><td>30 h</td>")
                .contains("<th scope=\"row\">Wireless</th><td>Yes</td>")
                .contains("<a href=\"/c/headphones-audio\">Headphones &amp; Audio</a>")
                .contains("src=\"/images/products/AUD-000666.svg\"")
                // no recommendations service here: no section, not an empty one
                .doesNotContain("id=\"also-bought\"").doesNotContain("Customers also bought");
    }

    @Test
    void unknownProductAndCategoryGetTheFriendly404Page() {
        assertThat(page("/p/AUD-999999", 404)).contains("We couldn\u2019t find that page");
        assertThat(page("/c/no-such-category", 404)).contains("We couldn\u2019t find that page");
        assertThat(page("/no/such/page", 404)).contains("We couldn\u2019t find that page");
    }

    @Test
    void malformedSkuIs404WithoutAskingTheCatalog() {
        page("/p/not-a-sku", 404);
        given().get("/images/products/not-a-sku.svg").then().statusCode(404);

        assertThat(standIn.requests()).noneMatch(r -> r.path().contains("not-a-sku"));
    }

    @Test
    void anySkuTheCatalogAcceptsIsLookedUpAndPictured() {
        // the catalog's format (contracts/openapi/catalog.yaml), not the seed's shape: an admin's
        // DEMO-1 is asked for (this stand-in does not have it), and it has a picture
        assertThat(page("/p/DEMO-1", 404)).contains("We couldn\u2019t find that page");
        assertThat(standIn.requestsTo("/api/catalog/products/sku/DEMO-1")).isNotEmpty();
        given().get("/images/products/DEMO-1.svg").then().statusCode(200)
                .contentType("image/svg+xml")
                .body(org.hamcrest.Matchers.containsString(">DEMO<"));
    }

    @Test
    void aKnownProductsPictureIsDrawnFromItsCategoryNameAndColourAndCachedForADay() {
        // the stand-in's KIT-000001 is a kettle in "Home & Kitchen"; AUD-000002 is black
        given().get("/images/products/KIT-000001.svg").then().statusCode(200)
                .contentType("image/svg+xml")
                .header("Cache-Control", "public, max-age=86400")
                .body(org.hamcrest.Matchers.containsString("<title id=\"t\">Kettle</title>"));
        given().get("/images/products/AUD-000002.svg").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Audio Thing 02"))
                .body(org.hamcrest.Matchers.containsString("hsl(220 8% 16%)"));
    }

    @Test
    void anUnknownSkusPlaceholderIsCachedBrieflySoTheRealPictureFollows() {
        given().get("/images/products/AUD-999998.svg").then().statusCode(200)
                .contentType("image/svg+xml")
                .header("Cache-Control", "public, max-age=60")
                .body(org.hamcrest.Matchers.containsString(">AUD<"));
    }

    @Test
    void categoryListIsCachedAcrossPageViews() {
        page("/", 200);
        page("/c/headphones-audio", 200);
        page("/p/AUD-000001", 200);

        assertThat(standIn.requestsTo("/api/catalog/categories")).hasSize(1);
    }

    @Test
    void traceContextOfTheIncomingRequestReachesTheCatalog() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/p/AUD-000007").then().statusCode(200);

        String upstream = standIn.requestsTo(SKU_PATH + "AUD-000007").getFirst().header("traceparent");
        assertThat(upstream).isNotNull();
        Matcher m = TRACEPARENT.matcher(upstream);
        assertThat(m.matches()).as("traceparent %s", upstream).isTrue();
        assertThat(m.group(1)).as("same trace as the page view").isEqualTo(traceId);
        assertThat(m.group(2)).as("a child span, not the caller's").isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void failingCatalogGivesThe503PageAfterBoundedRetries() {
        standIn.failWith(SKU_PATH, 500);

        Response response = given().get("/p/AUD-000002");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.asString()).contains("We\u2019ll be right back").doesNotContain("Exception", "at org.");
        assertThat(standIn.requestsTo(SKU_PATH + "AUD-000002")).as("one call and two retries").hasSize(3);
    }

    @Test
    void slowCatalogGivesThe503PageWithinTheTimeoutAndIsNotRetried() {
        standIn.hang(SKU_PATH);

        long started = System.nanoTime();
        given().get("/p/AUD-000003").then().statusCode(503);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofMillis(4000));
        assertThat(standIn.requestsTo(SKU_PATH + "AUD-000003")).hasSize(1);
    }

    @Test
    void openCircuitAnswersAtOnceWithoutCallingTheCatalog() {
        standIn.failWith(SKU_PATH, 503);
        for (int i = 0; i < 20 && breakers.currentState("catalog-product") != CircuitBreakerState.OPEN; i++) {
            page("/p/AUD-%06d".formatted(i + 1), 503);
        }
        assertThat(breakers.currentState("catalog-product")).isEqualTo(CircuitBreakerState.OPEN);
        int callsSoFar = standIn.requests().size();

        long started = System.nanoTime();
        String html = page("/p/AUD-000004", 503);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(html).contains("We\u2019ll be right back");
        assertThat(standIn.requests()).hasSize(callsSoFar);
        assertThat(took).isLessThan(Duration.ofMillis(1000));
    }

    @Test
    void withCategoriesFailingPagesFallBackToTheLastKnownCategories() {
        page("/", 200);
        standIn.failWith("/api/catalog/categories", 500);
        // open the categories breaker; the cache would otherwise keep answering from the fallback
        for (int i = 0; i < 20 && breakers.currentState("catalog-categories") != CircuitBreakerState.OPEN; i++) {
            catalog.invalidateCaches();
            page("/c/headphones-audio", 200);
        }
        assertThat(breakers.currentState("catalog-categories")).isEqualTo(CircuitBreakerState.OPEN);
        catalog.invalidateCaches();
        int categoryCalls = standIn.requestsTo("/api/catalog/categories").size();

        assertThat(page("/c/headphones-audio", 200)).contains("<h1>Headphones &amp; Audio</h1>");
        assertThat(page("/p/AUD-000005", 200)).contains("href=\"/c/home-kitchen\"");
        assertThat(standIn.requestsTo("/api/catalog/categories")).hasSize(categoryCalls);
    }

    @Test
    void failedHtmxRequestRedirectsToTheFullErrorPage() {
        standIn.failWith("/api/catalog/products", 500);

        Response response = given().header("HX-Request", "true").get("/c/headphones-audio?page=1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.header("HX-Redirect")).isEqualTo("/c/headphones-audio?page=1");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void stoppedCatalogGivesThe503PageQuickly() {
        standIn.stop();

        long started = System.nanoTime();
        String html = page("/p/AUD-000006", 503);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(html).contains("We\u2019ll be right back").contains("href=\"/p/AUD-000006\"");
        assertThat(took).isLessThan(Duration.ofMillis(2000));
    }

    private static String page(String path, int status) {
        return given().get(path).then().statusCode(status)
                .contentType("text/html")
                .extract().asString();
    }
}
