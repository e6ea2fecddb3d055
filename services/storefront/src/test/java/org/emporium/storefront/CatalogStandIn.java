package org.emporium.storefront;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A stand-in for the catalog service: a tiny HTTP server serving canned JSON in the catalog API's
 * format, recording every request it gets, and failing on demand (an error status, a request that
 * never gets an answer, or not listening at all). The storefront's contract with the catalog,
 * checked without the catalog.
 */
public final class CatalogStandIn {

    public static final String AUDIO = "headphones-audio";
    public static final String KITCHEN = "home-kitchen";
    /** A product whose name tries to inject markup. */
    public static final String HOSTILE_SKU = "AUD-000666";
    public static final String SIZED_SKU = "APP-000001";
    public static final String HOSTILE_NAME = "<script>alert('pwned')</script> Studio Monitor";
    public static final int AUDIO_PRODUCTS = 30;

    /** What one request to the stand-in looked like. */
    public record Request(String path, Map<String, String> query, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final LoopbackServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failingPaths = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hangingPaths = new ConcurrentHashMap<>();
    private volatile CountDownLatch hangRelease = new CountDownLatch(1);
    private final List<Map<String, Object>> products = new ArrayList<>();
    private final List<Map<String, Object>> categories = List.of(
            category(AUDIO, "Headphones & Audio", "Headphones, speakers and everything that makes sound.", AUDIO_PRODUCTS + 1),
            category(KITCHEN, "Home & Kitchen", "Cookware and small appliances.", 2));

    private CatalogStandIn() {
        this.server = LoopbackServer.start(this::handle);
        IntStream.rangeClosed(1, AUDIO_PRODUCTS).forEach(i -> products.add(product(
                "AUD-%06d".formatted(i), "Audio Thing %02d".formatted(i), i % 2 == 0 ? "Sonora" : "Acme", AUDIO,
                "%d.99".formatted(10 + i), Map.of("color", i % 2 == 0 ? "black" : "white"), i)));
        products.add(product(HOSTILE_SKU, HOSTILE_NAME, "Acme & Sons", AUDIO, "1299.5",
                orderedMap("color", "black", "batteryLife", "30 h", "wireless", true), 100));
        products.add(product("KIT-000001", "Kettle", "Brewster", KITCHEN, "24.00", Map.of(), 3));
        products.add(product("KIT-000002", "Toaster", "Brewster", KITCHEN, "39.00", Map.of(), 4));
        // in a category of its own (no listing here changes), in sizes as the catalog derives them
        Map<String, Object> tee = product(SIZED_SKU, "Crew T-Shirt", "Northway", "apparel", "18.00",
                Map.of("color", "Navy", "sizes", "S-L"), 0);
        tee.put("options", Map.of("size", List.of("S", "M", "L")));
        products.add(tee);
    }

    public static CatalogStandIn start() {
        return new CatalogStandIn();
    }

    public String url() {
        return server.url();
    }

    /** Stops listening: connections are refused from now on, as when the catalog is down. */
    public void stop() {
        releaseHangingRequests();
        server.stop();
    }

    /** Answers every request whose path starts with {@code pathPrefix} with {@code status}. */
    public void failWith(String pathPrefix, int status) {
        failingPaths.put(pathPrefix, status);
    }

    /** Never answers requests whose path starts with {@code pathPrefix} (until {@link #reset()}). */
    public void hang(String pathPrefix) {
        hangingPaths.put(pathPrefix, true);
    }

    /** Back to answering everything normally, with an empty request log. */
    public void reset() {
        failingPaths.clear();
        hangingPaths.clear();
        releaseHangingRequests();
        requests.clear();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void releaseHangingRequests() {
        hangRelease.countDown();
        hangRelease = new CountDownLatch(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            Map<String, String> query = LoopbackServer.query(exchange.getRequestURI().getRawQuery());
            requests.add(new Request(path, query, headers));

            if (hangingPaths.keySet().stream().anyMatch(path::startsWith)) {
                CountDownLatch release = hangRelease;
                // not a sleep in a test: this is the catalog being slow until the test lets it go
                release.await(30, TimeUnit.SECONDS);
                return;
            }
            Optional<Integer> failure = failingPaths.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
            if (failure.isPresent()) {
                LoopbackServer.send(exchange, failure.get(), "application/problem+json",
                        Map.of("type", "about:blank", "title", "Failure", "status", failure.get()));
                return;
            }
            route(exchange, path, query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
        if (path.equals("/api/catalog/categories")) {
            LoopbackServer.send(exchange, 200, "application/json", Map.of("items", categories));
        } else if (path.equals("/api/catalog/products")) {
            LoopbackServer.send(exchange, 200, "application/json", listing(query));
        } else if (path.startsWith("/api/catalog/products/sku/")) {
            String sku = path.substring("/api/catalog/products/sku/".length());
            Optional<Map<String, Object>> product = products.stream().filter(p -> p.get("sku").equals(sku)).findFirst();
            if (product.isPresent()) {
                LoopbackServer.send(exchange, 200, "application/json", product.get());
            } else {
                LoopbackServer.send(exchange, 404, "application/problem+json",
                        Map.of("type", "about:blank", "title", "Not found", "status", 404, "detail", "no product " + sku));
            }
        } else {
            LoopbackServer.send(exchange, 404, "application/problem+json", Map.of("title", "Not found", "status", 404));
        }
    }

    private Map<String, Object> listing(Map<String, String> query) {
        int page = Integer.parseInt(query.getOrDefault("page", "0"));
        int size = Integer.parseInt(query.getOrDefault("size", "20"));
        String category = query.get("category");
        Comparator<Map<String, Object>> order = switch (query.getOrDefault("sort", "name")) {
            case "price" -> Comparator.comparing(p -> new java.math.BigDecimal(price(p)));
            case "-price" -> Comparator.<Map<String, Object>, java.math.BigDecimal>comparing(p -> new java.math.BigDecimal(price(p))).reversed();
            case "newest" -> Comparator.<Map<String, Object>, String>comparing(p -> (String) p.get("createdAt")).reversed();
            default -> Comparator.comparing(p -> (String) p.get("name"));
        };
        List<Map<String, Object>> matching = products.stream()
                .filter(p -> category == null || category.equals(p.get("category")))
                .sorted(order).toList();
        List<Map<String, Object>> items = matching.stream().skip((long) page * size).limit(size).toList();
        return Map.of("items", items, "page", page, "size", size, "total", matching.size());
    }

    @SuppressWarnings("unchecked")
    private static String price(Map<String, Object> product) {
        return ((Map<String, String>) product.get("price")).get("amount");
    }

    private static Map<String, Object> category(String slug, String name, String description, long count) {
        return Map.of("slug", slug, "name", name, "description", description, "productCount", count);
    }

    private static Map<String, Object> product(String sku, String name, String brand, String category,
                                               String amount, Map<String, Object> attributes, int age) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", java.util.UUID.nameUUIDFromBytes(sku.getBytes(StandardCharsets.UTF_8)).toString());
        p.put("sku", sku);
        p.put("name", name);
        p.put("description", "All about " + sku + ".");
        p.put("brand", brand);
        p.put("category", category);
        p.put("price", Map.of("amount", amount, "currency", "USD"));
        p.put("imageUrl", "/images/products/" + sku + ".svg");
        p.put("attributes", attributes);
        // a larger age means newer, so "newest" has a well-defined order
        p.put("createdAt", java.time.Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * age).toString());
        p.put("updatedAt", "2026-11-22T10:00:00Z");
        return p;
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
