package org.emporium.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the orders service, in the style of {@link CartStandIn}: orders in memory as the
 * orders API's JSON, every request recorded (with its Idempotency-Key), the problem answers on
 * demand, and the order's server-sent events: the order now, then each {@link #update} of it,
 * completing at CONFIRMED or CANCELLED.
 */
public final class OrdersStandIn {

    /** One request: method, path, the Idempotency-Key header and the JSON body (null when none). */
    public record Request(String method, String path, String idempotencyKey, JsonNode body, String authorization) {
    }

    /** A canned answer to the next placements: status and problem body. */
    public record Answer(int status, Map<String, Object> problem) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ORDER = Pattern.compile("/api/orders/([^/]+)");
    private static final Pattern EVENTS = Pattern.compile("/api/orders/([^/]+)/events");
    /** How long an event stream waits for a change at most, so no test can hang on it. */
    private static final Duration STREAM_LIMIT = Duration.ofSeconds(30);

    private final LoopbackServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> orders = new ConcurrentHashMap<>();
    private final Map<String, Set<BlockingQueue<Map<String, Object>>>> followers = new ConcurrentHashMap<>();
    private final Map<String, Integer> failingPaths = new ConcurrentHashMap<>();
    /** Each account's orders as {@code GET /api/orders} lists them (summaries), by subject. */
    private final Map<String, List<Map<String, Object>>> owned = new ConcurrentHashMap<>();
    /** The owner of each account's order, by order id (guest orders have none). */
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private volatile Answer placeAnswer;
    private volatile boolean stopped;
    private volatile boolean typedEvents;

    private OrdersStandIn() {
        this.server = LoopbackServer.start(this::handle);
    }

    public static OrdersStandIn start() {
        return new OrdersStandIn();
    }

    public String url() {
        return server.url();
    }

    public void stop() {
        stopped = true;
        server.stop();
    }

    /** Answers every request whose path starts with {@code pathPrefix} with {@code status} (a problem). */
    public void failWith(String pathPrefix, int status) {
        failingPaths.put(pathPrefix, status);
    }

    /** Answers every placement with this status and problem body from now on. */
    public void answerPlacements(int status, Map<String, Object> problem) {
        placeAnswer = new Answer(status, problem);
    }

    /** Whether each event names its content type ({@code content-type:application/json}), as Quarkus REST may. */
    public void typedEvents(boolean on) {
        typedEvents = on;
    }

    /** Back to normal: no orders, no failures, no canned answers, empty log. */
    public void reset() {
        typedEvents = false;
        failingPaths.clear();
        orders.clear();
        owned.clear();
        owners.clear();
        requests.clear();
        placeAnswer = null;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** What {@code GET /api/orders} lists for the account {@code subject}: these summaries, newest first. */
    public void ownedOrders(String subject, List<Map<String, Object>> summaries) {
        owned.put(subject, List.copyOf(summaries));
    }

    /** An order's summary as the list shows it. */
    public static Map<String, Object> summary(String id, String status, String amount, String createdAt) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("status", status);
        summary.put("reason", "CANCELLED".equals(status) ? "PAYMENT_DECLINED" : null);
        summary.put("total", Map.of("amount", amount, "currency", "USD"));
        summary.put("createdAt", createdAt);
        summary.put("itemCount", 2);
        return summary;
    }

    /** Stores an order (as the orders service would have placed it) and answers its id. */
    public String createOrder(String status, String reason, String detail) {
        String id = UUID.randomUUID().toString();
        orders.put(id, order(id, status, reason, detail));
        return id;
    }

    /** Stores an account's order: the orders service answers it to its owner's token only (401 without one, 403 to others). */
    public String createOrderOf(String subject, String status) {
        String id = createOrder(status, null, null);
        owners.put(id, subject);
        return id;
    }

    /** Changes an order's status; every open event stream of it sends the new state. */
    public void update(String id, String status, String reason, String detail) {
        Map<String, Object> order = order(id, status, reason, detail);
        orders.put(id, order);
        for (BlockingQueue<Map<String, Object>> queue : followers.getOrDefault(id, Set.of())) {
            queue.add(order);
        }
    }

    /** How many event streams of the order are open now. */
    public int followers(String id) {
        return followers.getOrDefault(id, Set.of()).size();
    }

    /** An order as GET /api/orders/{id} shows it: two of "Audio Thing 01" to Berlin, paid with a Visa …4242. */
    static Map<String, Object> order(String id, String status, String reason, String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", "AUD-000001");
        line.put("name", "Audio Thing 01");
        line.put("quantity", 2);
        line.put("unitPrice", Map.of("amount", "12.50", "currency", "USD"));
        line.put("lineTotal", Map.of("amount", "25.00", "currency", "USD"));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Ada Lovelace");
        address.put("line1", "Hauptstra\u00dfe 5");
        address.put("line2", null);
        address.put("city", "Berlin");
        address.put("region", null);
        address.put("postalCode", "10115");
        address.put("country", "DE");
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("id", id);
        order.put("status", status);
        order.put("reason", reason);
        order.put("detail", detail);
        order.put("email", "ada@example.com");
        order.put("lines", List.of(line));
        order.put("total", Map.of("amount", "25.00", "currency", "USD"));
        order.put("shippingAddress", address);
        order.put("payment", Map.of("brand", "Visa", "last4", "4242"));
        order.put("createdAt", Instant.parse("2025-01-01T10:00:00Z").toString());
        order.put("confirmedAt", "CONFIRMED".equals(status) ? "2025-01-01T10:00:02Z" : null);
        order.put("cancelledAt", "CANCELLED".equals(status) ? "2025-01-01T10:00:02Z" : null);
        order.put("steps", List.of());
        return order;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body,
                    authorization));

            Optional<Integer> failure = failingPaths.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
            if (failure.isPresent()) {
                problem(exchange, failure.get(), "Service unavailable", "Failure");
                return;
            }
            Matcher events = EVENTS.matcher(path);
            Matcher order = ORDER.matcher(path);
            if (path.equals("/api/orders") && method.equals("GET")) {
                String caller = OidcStandIn.subjectOf(authorization);
                if (caller == null) {
                    problem(exchange, 401, "Unauthorized", "a token is needed");
                    return;
                }
                Map<String, String> query = LoopbackServer.query(exchange.getRequestURI().getRawQuery());
                int page = Integer.parseInt(query.getOrDefault("page", "0"));
                int size = Integer.parseInt(query.getOrDefault("size", "20"));
                List<Map<String, Object>> all = owned.getOrDefault(caller, List.of());
                List<Map<String, Object>> items = all.stream().skip((long) page * size).limit(size).toList();
                LoopbackServer.send(exchange, 200, "application/json",
                        Map.of("items", items, "page", page, "size", size, "total", all.size()));
            } else if (path.equals("/api/orders") && method.equals("POST")) {
                place(exchange, body);
            } else if (events.matches() && method.equals("GET")) {
                stream(exchange, events.group(1));
            } else if (order.matches() && method.equals("GET")) {
                Map<String, Object> found = orders.get(order.group(1));
                String owner = owners.get(order.group(1));
                String caller = OidcStandIn.subjectOf(authorization);
                if (owner != null && caller == null) {
                    problem(exchange, 401, "Unauthorized", "this order belongs to an account: a token is needed");
                } else if (owner != null && !owner.equals(caller)) {
                    problem(exchange, 403, "Forbidden", "not your order");
                } else if (found == null) {
                    problem(exchange, 404, "Not found", "order " + order.group(1));
                } else {
                    LoopbackServer.send(exchange, 200, "application/json", found);
                }
            } else {
                problem(exchange, 404, "Not found", "Not found");
            }
        }
    }

    private void place(HttpExchange exchange, JsonNode body) throws IOException {
        Answer answer = placeAnswer;
        if (answer != null) {
            LoopbackServer.send(exchange, answer.status(), "application/problem+json", answer.problem());
            return;
        }
        String id = UUID.randomUUID().toString();
        orders.put(id, order(id, "PENDING", null, null));
        LoopbackServer.send(exchange, 202, "application/json", Map.of("id", id, "status", "PENDING"));
    }

    /** The order now, then every update, until CONFIRMED or CANCELLED (or the stand-in's own limit). */
    private void stream(HttpExchange exchange, String id) throws IOException {
        Map<String, Object> current = orders.get(id);
        if (current == null) {
            problem(exchange, 404, "Not found", "order " + id);
            return;
        }
        BlockingQueue<Map<String, Object>> queue = new LinkedBlockingQueue<>();
        followers.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(queue);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            Map<String, Object> order = orders.get(id); // after registering: no update is missed
            Instant deadline = Instant.now().plus(STREAM_LIMIT);
            while (order != null) {
                String type = typedEvents ? "content-type:application/json\n" : "";
                out.write((type + "data:" + JSON.writeValueAsString(order) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!"PENDING".equals(order.get("status"))) {
                    return;
                }
                order = null;
                while (order == null && !stopped && Instant.now().isBefore(deadline)) {
                    order = queue.poll(100, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the storefront hung up: nothing more to send
        } finally {
            followers.computeIfPresent(id, (k, set) -> {
                set.remove(queue);
                return set.isEmpty() ? null : set;
            });
        }
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        LoopbackServer.send(exchange, status, "application/problem+json", body);
    }

    /** A 400 problem naming fields, as the orders service answers for bad input. */
    static Map<String, Object> invalid(String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Invalid request");
        body.put("status", 400);
        body.put("detail", field + ": " + message);
        List<Map<String, String>> errors = new ArrayList<>();
        errors.add(Map.of("field", field, "message", message));
        body.put("errors", errors);
        return body;
    }

    static Map<String, Object> problemBody(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
