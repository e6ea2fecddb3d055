package org.emporium.storefront;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the inventory service's stock read: {@code GET /api/inventory/{sku}} answers the
 * stock set with {@link #stock(String, int)}, or 404 for a SKU it wasn't told about; failures on demand.
 */
public final class InventoryStandIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/api/inventory/";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Integer failure;

    private InventoryStandIn(HttpServer server) {
        this.server = server;
    }

    public static InventoryStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            InventoryStandIn standIn = new InventoryStandIn(server);
            server.setExecutor(standIn.threads);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    public void stock(String sku, int available) {
        stock.put(sku, available);
    }

    /** Answers every request with {@code status}. */
    public void failWith(int status) {
        failure = status;
    }

    public void reset() {
        stock.clear();
        requests.clear();
        failure = null;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            Integer failing = failure;
            String sku = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
            if (failing != null) {
                send(exchange, failing, "application/problem+json", Map.of("title", "Failure", "status", failing));
            } else if (stock.containsKey(sku)) {
                send(exchange, 200, "application/json", Map.of("sku", sku, "available", stock.get(sku), "reserved", 1));
            } else {
                send(exchange, 404, "application/problem+json",
                        Map.of("title", "Not found", "status", 404, "detail", "no stock for " + sku));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
