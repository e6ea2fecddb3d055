package org.emporium.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.chaos.SystemUnderTest.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.emporium.launcher.Component;
import org.emporium.launcher.ProcessComponent;
import org.emporium.launcher.PrometheusText;
import org.emporium.launcher.Topology;
import org.emporium.platform.faults.Fault;
import org.emporium.platform.faults.Latency;
import org.emporium.platform.faults.Share;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several copies of the catalog and the storefront behind the gateway, found through the registry
 * the launcher keeps (Eureka; ADR 0012): shoppers' product pages spread over every copy, and
 * killing a copy under load costs them (almost) nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    /** Shoppers asking for product pages back to back: enough to keep every copy busy on two cores. */
    private static final int SHOPPERS = 8;
    private static SystemUnderTest system;
    private static List<String> skus;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.prepare("postgres", "redis", "identity", "kafka", "catalog", "inventory", "storefront", "gateway");
        // no product cache in the storefront: every page asks a catalog copy, so every page tests the balancing
        ((ProcessComponent) system.component("storefront")).environment().put("EMPORIUM_STOREFRONT_PRODUCT_CACHE_TTL", "0s");
        // eight shoppers on one address are a load test, which the gateway's per-address rate limit would refuse
        ((ProcessComponent) system.component("gateway")).environment().put("EMPORIUM_GATEWAY_RATE_LIMIT_ENABLED", "false");
        system.startAll();
        system.startCopy("catalog", 2);
        system.startCopy("catalog", 3);
        system.startCopy("storefront", 2);
        skus = new ArrayList<>();
        system.getJson("catalog", "/api/catalog/products?size=100").path("items")
                .forEach(p -> skus.add(p.path("sku").asText()));
        // until the gateway and both storefronts have found every copy (each reads the registry every second)
        await(Duration.ofSeconds(60), "every copy serving", () -> {
            load(Duration.ofSeconds(2));
            return served("catalog", List.of("catalog", "catalog-2", "catalog-3")).values().stream().allMatch(n -> n > 0)
                    && served("storefront", List.of("storefront", "storefront-2")).values().stream().allMatch(n -> n > 0);
        });
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void underASteadyBrowseLoadEveryCopyServesItsShare() {
        List<String> catalogs = List.of("catalog", "catalog-2", "catalog-3");
        List<String> storefronts = List.of("storefront", "storefront-2");
        load(Duration.ofSeconds(5)); // warm: the copies started last have had less JIT work
        Map<String, Double> catalogBefore = served("catalog", catalogs);
        Map<String, Double> storefrontBefore = served("storefront", storefronts);

        Outcome run = load(Duration.ofSeconds(20));

        assertThat(run.failed()).as("failed pages: %s", run.failures()).isZero();
        assertShares("catalog", catalogBefore, served("catalog", catalogs));
        assertShares("storefront", storefrontBefore, served("storefront", storefronts));
    }

    @Test
    @Order(2)
    void killingACatalogCopyUnderLoadFailsAlmostNoPageAndNoneAfterFiveSeconds() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        long killedAt;
        try (ExecutorService shoppers = shoppers(running, results)) {
            Thread.sleep(5_000);
            killedAt = System.nanoTime();
            system.kill("catalog-2");
            Thread.sleep(15_000);
            running.set(false);
        }
        Outcome run = Outcome.of(results);
        List<Result> late = results.stream().filter(r -> !r.ok() && r.at() > killedAt + Duration.ofSeconds(5).toNanos()).toList();
        System.out.printf("kill -9 of catalog-2 under load: %d pages, %d failed%n", run.total(), run.failed());
        assertThat(run.total()).as("pages asked for").isGreaterThan(200);
        assertThat(run.failed()).as("failed pages (at most 0.1 %% of %d): %s", run.total(), run.failures())
                .isLessThanOrEqualTo(run.total() / 1000);
        assertThat(late).as("pages failed more than 5 s after the kill").isEmpty();
    }

    @Test
    @Order(3)
    void aNewCopyGetsTrafficWithinFiveSecondsOfBeingReady() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (ExecutorService shoppers = shoppers(running, results)) {
            Component copy = system.startCopy("catalog", 4);
            long ready = System.nanoTime();
            await(Duration.ofSeconds(5), "catalog-4 serving pages within 5 s of being ready",
                    () -> served("catalog", List.of(copy.name())).get(copy.name()) > 0);
            System.out.printf("catalog-4 served its first request %d ms after it was ready%n",
                    (System.nanoTime() - ready) / 1_000_000);
            running.set(false);
        }
        assertThat(Outcome.of(results).failed()).isZero();
    }

    /**
     * Issue 17: with every catalog copy 2 s slow ({@code ./emporium chaos latency catalog 2s}), the
     * product pages shoppers saw before and the home page still render within 1 s, from the
     * storefronts' last good answers (their product cache is off here, so every view asks the
     * catalog, meets the latency, and waits only the patience). A page a storefront copy never
     * rendered has no last good answer there: it waits for the catalog (2 s) as before.
     */
    @Test
    @Order(4)
    void withTheCatalogTwoSecondsSlowPagesSeenBeforeStillRenderWithinASecond() {
        List<String> pages = List.of("/", "/p/" + skus.get(0), "/p/" + skus.get(1));
        // seen before by each storefront copy (a copy keeps its own last good answers)
        for (String copy : List.of("storefront", "storefront-2")) {
            pages.forEach(path -> assertThat(system.get(copy, path).statusCode()).as("%s %s", copy, path).isEqualTo(200));
        }
        system.inject("catalog", Fault.LATENCY, Fault.value(new Latency(2_000, 2_000, new Share(100, "/api/catalog", 0))));
        try {
            await(Duration.ofSeconds(10), "every catalog copy 2 s slow", () -> List.of("catalog", "catalog-3", "catalog-4").stream()
                    .allMatch(copy -> timed(() -> system.get(copy, "/api/catalog/categories")) >= 2_000));
            for (String path : pages) {
                for (int i = 0; i < 3; i++) {
                    View view = view(path);
                    System.out.printf("%s with the catalog 2 s slow: %d in %d ms%n", path, view.status(), view.millis());
                    assertThat(view.status()).as(path).isEqualTo(200);
                    assertThat(view.millis()).as("%s rendered within 1 s", path).isLessThan(1_000);
                }
            }
        } finally {
            system.clearFaults();
        }
    }

    private record View(int status, long millis) {
    }

    private static View view(String path) {
        long begin = System.nanoTime();
        HttpResponse<String> page = system.send("GET", SystemUnderTest.url("gateway", path), null);
        return new View(page.statusCode(), (System.nanoTime() - begin) / 1_000_000);
    }

    private static long timed(Runnable call) {
        long begin = System.nanoTime();
        call.run();
        return (System.nanoTime() - begin) / 1_000_000;
    }

    // --- load ----------------------------------------------------------------------------------

    private record Result(long at, boolean ok, String what) {
    }

    private record Outcome(long total, long failed, List<String> failures) {
        static Outcome of(ConcurrentLinkedQueue<Result> results) {
            List<String> failures = results.stream().filter(r -> !r.ok()).map(Result::what).limit(10).toList();
            return new Outcome(results.size(), results.stream().filter(r -> !r.ok()).count(), failures);
        }
    }

    private static final HttpClient SHOPPER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Product pages through the gateway, {@link #SHOPPERS} at a time, for a while. */
    private static Outcome load(Duration duration) {
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Result> results = new ConcurrentLinkedQueue<>();
        try (ExecutorService shoppers = shoppers(running, results)) {
            Thread.sleep(duration.toMillis());
            running.set(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Outcome.of(results);
    }

    private static ExecutorService shoppers(AtomicBoolean running, ConcurrentLinkedQueue<Result> results) {
        ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor();
        for (int s = 0; s < SHOPPERS; s++) {
            int shopper = s;
            shoppers.submit(() -> {
                for (int i = shopper; running.get(); i += SHOPPERS) {
                    String path = "/p/" + skus.get(i % skus.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(SystemUnderTest.url("gateway", path)))
                            .timeout(Duration.ofSeconds(10)).GET().build();
                    try {
                        HttpResponse<Void> page = SHOPPER.send(request, HttpResponse.BodyHandlers.discarding());
                        results.add(new Result(System.nanoTime(), page.statusCode() == 200, path + " " + page.statusCode()));
                    } catch (IOException e) {
                        results.add(new Result(System.nanoTime(), false, path + " " + e));
                    }
                }
                return null;
            });
        }
        return shoppers;
    }

    // --- what each copy served -----------------------------------------------------------------

    /** Requests each copy has answered so far on its service's own paths (not health or metrics), from its metrics. */
    private static Map<String, Double> served(String service, List<String> copies) {
        String own = service.equals("catalog") ? "/api/catalog" : "/p/";
        Map<String, Double> served = new LinkedHashMap<>();
        for (String copy : copies) {
            String url = Topology.metricsUrl(copy, system.component(copy).port()).orElseThrow();
            HttpResponse<String> metrics = system.send("GET", url, null);
            assertThat(metrics.statusCode()).as("metrics of %s", copy).isEqualTo(200);
            served.put(copy, PrometheusText.parse(metrics.body()).sum("http_server_requests_seconds_count",
                    s -> s.label("uri").startsWith(own)));
        }
        return served;
    }

    /**
     * Each copy's share of what its service served between the two readings is within the band the
     * issue gives for three copies (20-50 %, i.e. 0.6 to 1.5 of a fair share), scaled to the count.
     */
    private static void assertShares(String service, Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> served = new LinkedHashMap<>();
        after.forEach((copy, n) -> served.put(copy, n - before.get(copy)));
        double total = served.values().stream().mapToDouble(Double::doubleValue).sum();
        double fair = 1.0 / served.size();
        System.out.printf("%s: %.0f requests, by copy %s%n", service, total, served);
        assertThat(total).as("%s requests served", service).isGreaterThan(100);
        served.forEach((copy, n) -> assertThat(n / total).as("%s's share of %s's requests (%s)", copy, service, served)
                .isBetween(0.6 * fair, 1.5 * fair));
    }
}
