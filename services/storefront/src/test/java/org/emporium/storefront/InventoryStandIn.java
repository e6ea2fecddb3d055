package org.emporium.storefront;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the inventory service's stock read: {@code GET /api/inventory/{sku}} answers the
 * stock set with {@link #stock(String, int)}, or 404 for a SKU it wasn't told about; failures and
 * slowness on demand.
 */
public final class InventoryStandIn {

    private static final String PREFIX = "/api/inventory/";

    private final LoopbackServer server;
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Integer failure;
    private volatile Duration delay;
    private volatile CountDownLatch release = new CountDownLatch(1);

    private InventoryStandIn() {
        this.server = LoopbackServer.start(this::handle);
    }

    public static InventoryStandIn start() {
        return new InventoryStandIn();
    }

    public String url() {
        return server.url();
    }

    public void stop() {
        release.countDown();
        server.stop();
    }

    public void stock(String sku, int available) {
        stock.put(sku, available);
    }

    /** Answers every request with {@code status}. */
    public void failWith(int status) {
        failure = status;
    }

    /** Answers every request only after {@code delay}, or when {@link #reset()} lets it go. */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    public void reset() {
        stock.clear();
        requests.clear();
        failure = null;
        delay = null;
        release.countDown();
        release = new CountDownLatch(1);
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            Duration slow = delay;
            if (slow != null) {
                // not a sleep in a test: this is inventory being slow, until the test lets it go
                release.await(slow.toMillis(), TimeUnit.MILLISECONDS);
            }
            Integer failing = failure;
            String sku = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
            if (failing != null) {
                LoopbackServer.send(exchange, failing, "application/problem+json", Map.of("title", "Failure", "status", failing));
            } else if (stock.containsKey(sku)) {
                LoopbackServer.send(exchange, 200, "application/json", Map.of("sku", sku, "available", stock.get(sku), "reserved", 1));
            } else {
                LoopbackServer.send(exchange, 404, "application/problem+json",
                        Map.of("title", "Not found", "status", 404, "detail", "no stock for " + sku));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException closedByTheClient) {
            // the storefront gave up waiting: expected when answering slowly
        }
    }

}
