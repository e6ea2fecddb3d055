package org.emporium.storefront;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A stand-in for the search service, in the style of {@link CatalogStandIn}: canned JSON in the
 * search API's format, every request recorded (repeated parameters included), and failures on
 * demand. Any text finds {@link #TOTAL} products, except {@link #NO_MATCH}, which finds nothing
 * and suggests {@link #DID_YOU_MEAN}; the first hit's snippet tries to inject markup.
 */
public final class SearchStandIn {

    public static final int TOTAL = 57;
    public static final String NO_MATCH = "xyzzy";
    public static final String DID_YOU_MEAN = "headphones";
    /** A category slug the catalog stand-in doesn't know: the storefront must show the slug itself. */
    public static final String UNKNOWN_CATEGORY = "garden-tools";
    public static final String HOSTILE_SNIPPET =
            "Closed-back <mark>head</mark>phones &amp; more <img src=x onerror=alert(1)><script>alert(2)</script> <mark>unclosed";

    /** What one request to the stand-in looked like; a parameter may repeat. */
    public record Request(String path, Map<String, List<String>> query) {
        public String param(String name) {
            List<String> values = query.getOrDefault(name, List.of());
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    private final LoopbackServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failingPaths = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hangingPaths = new ConcurrentHashMap<>();
    private volatile CountDownLatch hangRelease = new CountDownLatch(1);

    private SearchStandIn() {
        this.server = LoopbackServer.start(this::handle);
    }

    public static SearchStandIn start() {
        return new SearchStandIn();
    }

    public String url() {
        return server.url();
    }

    /** Stops listening: connections are refused from now on, as when search is down. */
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
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            Request request = new Request(path, query);
            requests.add(request);

            if (hangingPaths.keySet().stream().anyMatch(path::startsWith)) {
                CountDownLatch release = hangRelease;
                // search being slow until the test lets it go
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
            String q = Optional.ofNullable(request.param("q")).orElse("");
            if (q.length() > 256) {
                LoopbackServer.send(exchange, 400, "application/problem+json",
                        Map.of("type", "about:blank", "title", "Invalid request", "status", 400, "detail", "q: at most 256 characters"));
            } else if (path.equals("/api/search")) {
                LoopbackServer.send(exchange, 200, "application/json", results(request, q));
            } else if (path.equals("/api/search/suggest")) {
                // search corrects a misspelt word whose corrected text completes (the real one with its spell checker)
                Map<String, Object> answer = q.startsWith("hedph")
                        ? Map.of("suggestions", suggestions("headphones"), "didYouMean", "headphones & more")
                        : Map.of("suggestions", suggestions(q));
                LoopbackServer.send(exchange, 200, "application/json", answer);
            } else {
                LoopbackServer.send(exchange, 404, "application/problem+json", Map.of("title", "Not found", "status", 404));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> results(Request request, String q) {
        int page = Integer.parseInt(Optional.ofNullable(request.param("page")).orElse("0"));
        int size = Integer.parseInt(Optional.ofNullable(request.param("size")).orElse("20"));
        Map<String, Object> answer = new HashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        if (q.equals(NO_MATCH)) {
            answer.put("items", List.of());
            answer.put("total", 0);
            answer.put("facets", Map.of("category", List.of(), "brand", List.of(), "price", List.of()));
            answer.put("didYouMean", DID_YOU_MEAN);
            return answer;
        }
        answer.put("items", IntStream.range(page * size, Math.min(TOTAL, (page + 1) * size)).mapToObj(SearchStandIn::hit).toList());
        answer.put("total", TOTAL);
        answer.put("facets", Map.of(
                "category", List.of(value(CatalogStandIn.AUDIO, 40), value(CatalogStandIn.KITCHEN, 12), value(UNKNOWN_CATEGORY, 5)),
                "brand", List.of(value("Nordlicht", 30), value("Acme & Sons", 27)),
                "price", List.of(range(0, 25, 10), range(25, 50, 20), range(1000, null, 2))));
        answer.put("didYouMean", null);
        return answer;
    }

    private static Map<String, Object> hit(int i) {
        String sku = "AUD-%06d".formatted(i + 1);
        Map<String, Object> hit = new LinkedHashMap<>();
        hit.put("id", java.util.UUID.nameUUIDFromBytes(sku.getBytes(StandardCharsets.UTF_8)).toString());
        hit.put("sku", sku);
        hit.put("name", "Nordlicht Headphones %02d".formatted(i + 1));
        hit.put("brand", i % 2 == 0 ? "Nordlicht" : "Acme & Sons");
        hit.put("category", CatalogStandIn.AUDIO);
        hit.put("price", Map.of("amount", "%d.00".formatted(100 + i), "currency", "USD"));
        hit.put("imageUrl", "/images/products/" + sku + ".svg");
        hit.put("snippet", i == 0 ? HOSTILE_SNIPPET : "Wireless <mark>head</mark>phones, model " + (i + 1));
        return hit;
    }

    private static List<Map<String, Object>> suggestions(String q) {
        if (q.startsWith("<")) {
            return List.of(Map.of("text", "<script>alert('s')</script>", "kind", "brand"));
        }
        if (q.startsWith("zz")) {
            return List.of(); // nothing starts so: a misspelt word
        }
        return List.of(Map.of("text", "Nordlicht", "kind", "brand"),
                Map.of("text", "Nordlicht Studio Headphones", "kind", "product", "sku", "AUD-000042"));
    }

    private static Map<String, Object> value(String value, long count) {
        return Map.of("value", value, "count", count);
    }

    private static Map<String, Object> range(int from, Integer to, long count) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("from", from);
        range.put("to", to);
        range.put("count", count);
        return range;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }
}
