package org.emporium.storefront;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the recommendations service: {@code GET /api/recommendations/products/{sku}} and
 * {@code /shoppers/{id}} answer the items set with {@link #forProducts} and {@link #forShoppers}
 * (none by default) in the service's JSON. On demand it answers an error status, answers only after
 * a delay (longer than the storefront waits), or goes down until reset. Every request is recorded
 * with its query.
 */
public final class RecommendationsStandIn {

    private static final String PRODUCTS = "/api/recommendations/products/";
    private static final String SHOPPERS = "/api/recommendations/shoppers/";

    public record Request(String path, Map<String, String> query) {
    }

    private volatile LoopbackServer server;
    private volatile boolean down;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile List<Object> productItems = List.of();
    private volatile List<Object> shopperItems = List.of();
    private volatile Integer failure;
    private volatile Duration delay;
    private volatile CountDownLatch release = new CountDownLatch(1);

    private RecommendationsStandIn() {
        this.server = LoopbackServer.start(this::handle);
    }

    public static RecommendationsStandIn start() {
        return new RecommendationsStandIn();
    }

    public String url() {
        return server.url();
    }

    public void stop() {
        release.countDown();
        if (!down) {
            server.stop();
        }
    }

    /** Stops listening: connections are refused until {@link #reset()}, as when the service is down. */
    public void goDown() {
        down = true;
        server.stop();
    }

    /** What "customers also bought" answers, for any product. */
    public void forProducts(Object... items) {
        productItems = List.of(items);
    }

    /** What "recommended for you" answers, for any shopper. */
    public void forShoppers(Object... items) {
        shopperItems = List.of(items);
    }

    /** Answers every request with {@code status} (a problem). */
    public void failWith(int status) {
        failure = status;
    }

    /** Answers every request only after {@code delay}, or when {@link #reset()} lets it go. */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public void reset() {
        productItems = List.of();
        shopperItems = List.of();
        failure = null;
        delay = null;
        release.countDown();
        release = new CountDownLatch(1);
        requests.clear();
        if (down) {
            server = LoopbackServer.restart(server, this::handle);
            down = false;
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** An item as the service sends it. */
    public static Map<String, Object> item(String sku, String name, String category, String amount, String reason) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("name", name);
        item.put("brand", "Acme");
        item.put("category", category);
        item.put("price", Map.of("amount", amount, "currency", "USD"));
        item.put("imageUrl", null);
        item.put("available", 5);
        item.put("score", 0.87);
        item.put("reason", reason);
        return item;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, LoopbackServer.query(exchange.getRequestURI().getRawQuery())));
            Duration slow = delay;
            if (slow != null) {
                // not a sleep in a test: this is the service being slow, until the test lets it go
                release.await(slow.toMillis(), TimeUnit.MILLISECONDS);
            }
            Integer failing = failure;
            if (failing != null) {
                LoopbackServer.send(exchange, failing, "application/problem+json",
                        Map.of("type", "about:blank", "title", "Failure", "status", failing));
            } else if (path.startsWith(PRODUCTS)) {
                answer(exchange, path.substring(PRODUCTS.length()), productItems);
            } else if (path.startsWith(SHOPPERS)) {
                answer(exchange, path.substring(SHOPPERS.length()), shopperItems);
            } else {
                LoopbackServer.send(exchange, 404, "application/problem+json", Map.of("title", "Not found", "status", 404));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException closedByTheClient) {
            // the storefront gave up waiting: expected when answering slowly
        }
    }

    private static void answer(HttpExchange exchange, String subject, List<Object> items) throws IOException {
        LoopbackServer.send(exchange, 200, "application/json", Map.of("subject", subject, "items", items, "modelVersion", 123));
    }

}
