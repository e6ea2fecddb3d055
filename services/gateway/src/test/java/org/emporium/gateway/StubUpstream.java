package org.emporium.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A service stand-in on a random loopback port: it records what reached it and answers with scripted
 * replies per path, or 200 naming itself when nothing is scripted.
 */
final class StubUpstream implements AutoCloseable {

    /** What the gateway sent upstream. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** One scripted answer; with a latch, it is held until the latch opens (or 30 s pass). */
    record Reply(int status, String body, CountDownLatch hold, Map<String, String> headers) {

        static Reply status(int status) {
            return new Reply(status, "{\"status\":" + status + "}", null, Map.of());
        }

        static Reply heldUntil(CountDownLatch latch) {
            return new Reply(200, "{\"late\":true}", latch, Map.of());
        }

        /** This reply with one more response header. */
        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, hold, Map.copyOf(more));
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

    StubUpstream(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Several requests in flight at once: a held reply must not block the next request.
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next requests to {@code path} get these replies, in order; later ones the default 200. */
    void script(String path, Reply... replies) {
        scripts.computeIfAbsent(path, key -> new ConcurrentLinkedDeque<>()).addAll(List.of(replies));
    }

    List<Received> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body.readAllBytes()));
            Reply reply = nextReply(path);
            if (reply.hold() != null) {
                awaitQuietly(reply.hold());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Upstream", name);
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply nextReply(String path) {
        Deque<Reply> script = scripts.get(path);
        Reply scripted = script == null ? null : script.pollFirst();
        return scripted != null ? scripted : new Reply(200, "{\"upstream\":\"" + name + "\"}", null, Map.of());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
