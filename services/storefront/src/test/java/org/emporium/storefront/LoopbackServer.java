package org.emporium.storefront;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every stand-in of a downstream service shares: an HTTP server on a free loopback port,
 * a thread per request (so a stand-in can hold one request while answering others), and JSON
 * answers. The stand-ins themselves only decide what to answer.
 */
final class LoopbackServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    private LoopbackServer(HttpHandler handler, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", handler);
        server.start();
    }

    static LoopbackServer start(HttpHandler handler) {
        return new LoopbackServer(handler, 0);
    }

    /** Listens again where {@code stopped} listened: the service is back, at the address the storefront knows. */
    static LoopbackServer restart(LoopbackServer stopped, HttpHandler handler) {
        return new LoopbackServer(handler, stopped.server.getAddress().getPort());
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Stops listening: connections are refused from now on, as when the service is down. */
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    static void send(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A query string or form body as names and (decoded) values; a repeated name keeps its last value. */
    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
