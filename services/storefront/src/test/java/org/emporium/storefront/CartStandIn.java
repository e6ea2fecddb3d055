package org.emporium.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the cart service, in the style of {@link CatalogStandIn}: carts in memory, the
 * cart API's JSON and problems, every request recorded, and failures on demand. Every SKU of the
 * form {@code XXX-000000} is known at {@link #UNIT_PRICE} with {@link #DEFAULT_STOCK} units, unless
 * {@link #stock(String, int)} says otherwise; {@link #UNKNOWN_SKU} is unknown.
 */
public final class CartStandIn {

    public static final String UNIT_PRICE = "12.50";
    public static final int DEFAULT_STOCK = 50;
    public static final String UNKNOWN_SKU = "ZZZ-999999";
    /** Products whose SKU starts so come in sizes: an add without one is refused, as the real cart does. */
    public static final String SIZED_PREFIX = "APP-";

    /** One request: method, path, the JSON body (null when none) and the Authorization header (null when none). */
    public record Request(String method, String path, JsonNode body, String authorization) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CART = Pattern.compile("/api/carts/([^/]+)");
    private static final Pattern ITEMS = Pattern.compile("/api/carts/([^/]+)/items");
    private static final Pattern ITEM = Pattern.compile("/api/carts/([^/]+)/items/([^/]+)");

    private final LoopbackServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Integer>> carts = new ConcurrentHashMap<>();
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final Map<String, Integer> failingPaths = new ConcurrentHashMap<>();
    /** Owned carts: cart id to the owner's subject; and each owner's latest open cart. */
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, String> latest = new ConcurrentHashMap<>();

    private CartStandIn() {
        this.server = LoopbackServer.start(this::handle);
    }

    public static CartStandIn start() {
        return new CartStandIn();
    }

    public String url() {
        return server.url();
    }

    public void stop() {
        server.stop();
    }

    /** Answers every request whose path starts with {@code pathPrefix} with {@code status}. */
    public void failWith(String pathPrefix, int status) {
        failingPaths.put(pathPrefix, status);
    }

    /** Sets what can be put in a cart of {@code sku}. */
    public void stock(String sku, int available) {
        stock.put(sku, available);
    }

    /** Back to normal: no carts, default stock, no failures, empty log. */
    public void reset() {
        failingPaths.clear();
        owners.clear();
        latest.clear();
        carts.clear();
        stock.clear();
        requests.clear();
    }

    /** The lines (SKU to quantity) of a cart, or null if there is no such cart. */
    public Map<String, Integer> cart(String id) {
        return carts.get(id);
    }

    /** Creates a cart directly (as an earlier visit would have) and answers its id. */
    public String createCart(Map<String, Integer> lines) {
        String id = UUID.randomUUID().toString();
        carts.put(id, new LinkedHashMap<>(lines));
        return id;
    }

    /** The owner (subject) of a cart, or null for a guest cart. */
    public String owner(String cartId) {
        return owners.get(cartId);
    }

    /** Creates a cart owned by {@code subject} directly (as an earlier sign-in would have). */
    public String createOwnedCart(String subject, Map<String, Integer> lines) {
        String id = createCart(lines);
        owners.put(id, subject);
        latest.put(subject, id);
        return id;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(method, path, body, authorization));
            String caller = OidcStandIn.subjectOf(authorization);

            Optional<Integer> failure = failingPaths.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
            if (failure.isPresent()) {
                problem(exchange, failure.get(), "Failure");
                return;
            }
            Matcher item = ITEM.matcher(path);
            Matcher items = ITEMS.matcher(path);
            Matcher cart = CART.matcher(path);
            if (path.equals("/api/carts/mine") && method.equals("GET")) {
                String mine = caller == null ? null : latest.get(caller);
                if (caller == null) {
                    problem(exchange, 401, "a token is needed");
                } else if (mine == null || !carts.containsKey(mine)) {
                    problem(exchange, 404, "no open cart");
                } else {
                    LoopbackServer.send(exchange, 200, "application/json", view(mine, carts.get(mine)));
                }
                return;
            }
            if (path.equals("/api/carts/mine/merge") && method.equals("POST")) {
                merge(exchange, caller, body == null ? null : body.path("cartId").asText(null));
                return;
            }
            Matcher any = CART.matcher(path.startsWith("/api/carts/") ? path.replaceAll("^(/api/carts/[^/]+).*$", "$1") : "");
            if (any.matches() && owners.containsKey(any.group(1))) {
                if (caller == null) {
                    problem(exchange, 401, "a token is needed");
                    return;
                }
                if (!caller.equals(owners.get(any.group(1)))) {
                    problem(exchange, 404, "no cart " + any.group(1));
                    return;
                }
            }
            if (path.equals("/api/carts") && method.equals("POST")) {
                String id = UUID.randomUUID().toString();
                carts.put(id, new LinkedHashMap<>());
                if (caller != null) {
                    owners.put(id, caller);
                    latest.put(caller, id);
                }
                LoopbackServer.send(exchange, 201, "application/json", Map.of("id", id));
            } else if (item.matches()) {
                Map<String, Integer> lines = carts.get(item.group(1));
                // a line is its SKU and its size: "APP-000001|M" (the real cart keys on both too)
                String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
                java.util.regex.Matcher size = Pattern.compile("(?:^|&)option=size%3A([^&]+)").matcher(query);
                String sku = item.group(2) + (size.find() ? "|" + size.group(1) : "");
                if (lines == null) {
                    problem(exchange, 404, "no cart " + item.group(1));
                } else if (method.equals("DELETE")) {
                    lines.remove(sku);
                    exchange.sendResponseHeaders(204, -1);
                } else if (method.equals("PUT")) {
                    int quantity = body.path("quantity").asInt();
                    if (quantity < 1 || quantity > 99) {
                        problem(exchange, 400, "quantity must be between 1 and 99");
                    } else if (!lines.containsKey(sku)) {
                        problem(exchange, 404, "no line for " + sku);
                    } else if (quantity > available(sku)) {
                        problem(exchange, 422, "Only " + available(sku) + " left of " + sku);
                    } else {
                        lines.put(sku, quantity);
                        LoopbackServer.send(exchange, 200, "application/json", view(item.group(1), lines));
                    }
                } else {
                    problem(exchange, 405, "method not allowed");
                }
            } else if (items.matches() && method.equals("POST")) {
                Map<String, Integer> lines = carts.get(items.group(1));
                String size = body.path("options").path("size").asText("");
                String sku = body.path("sku").asText() + (size.isEmpty() ? "" : "|" + size);
                int quantity = body.path("quantity").asInt();
                if (lines == null) {
                    problem(exchange, 404, "no cart " + items.group(1));
                } else if (sku.startsWith(SIZED_PREFIX) && size.isEmpty()) {
                    problem(exchange, 400, "Choose a size: S, M, L");
                } else if (quantity < 1 || quantity > 99) {
                    problem(exchange, 400, "quantity must be between 1 and 99");
                } else if (sku.equals(UNKNOWN_SKU)) {
                    problem(exchange, 422, "Unknown product " + sku);
                } else if (lines.getOrDefault(sku, 0) + quantity > available(sku)) {
                    int left = available(sku);
                    problem(exchange, 422, left == 0 ? "Out of stock" : "Only " + left + " left");
                } else {
                    lines.merge(sku, quantity, Integer::sum);
                    LoopbackServer.send(exchange, 200, "application/json", view(items.group(1), lines));
                }
            } else if (cart.matches()) {
                Map<String, Integer> lines = carts.get(cart.group(1));
                if (lines == null) {
                    problem(exchange, 404, "no cart " + cart.group(1));
                } else if (method.equals("DELETE")) {
                    carts.remove(cart.group(1));
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    LoopbackServer.send(exchange, 200, "application/json", view(cart.group(1), lines));
                }
            } else {
                problem(exchange, 404, "Not found");
            }
        }
    }

    /** The guest cart merged into the caller's latest cart, or made theirs when they have none; idempotent. */
    private void merge(HttpExchange exchange, String caller, String guestId) throws IOException {
        if (caller == null) {
            problem(exchange, 401, "a token is needed");
            return;
        }
        String mine = latest.get(caller);
        Map<String, Integer> guest = guestId == null ? null : carts.get(guestId);
        boolean guestIsGuest = guest != null && !owners.containsKey(guestId);
        if (guestIsGuest && (mine == null || !carts.containsKey(mine))) {
            owners.put(guestId, caller);
            latest.put(caller, guestId);
            mine = guestId;
        } else if (guestIsGuest) {
            Map<String, Integer> target = carts.get(mine);
            guest.forEach((sku, quantity) -> target.merge(sku, quantity, Integer::sum));
            carts.remove(guestId);
        }
        if (mine == null || !carts.containsKey(mine)) {
            problem(exchange, 404, "no cart");
            return;
        }
        LoopbackServer.send(exchange, 200, "application/json", view(mine, carts.get(mine)));
    }

    private int available(String line) {
        return stock.getOrDefault(line.split("\\|")[0], DEFAULT_STOCK);
    }

    private Map<String, Object> view(String id, Map<String, Integer> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int count = 0;
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            BigDecimal lineTotal = new BigDecimal(UNIT_PRICE).multiply(BigDecimal.valueOf(line.getValue()));
            total = total.add(lineTotal);
            count += line.getValue();
            Map<String, Object> l = new LinkedHashMap<>();
            String[] key = line.getKey().split("\\|");
            l.put("sku", key[0]);
            l.put("options", key.length > 1 ? Map.of("size", key[1]) : Map.of());
            l.put("name", "Audio Thing " + key[0].substring(key[0].length() - 2));
            l.put("unitPrice", Map.of("amount", UNIT_PRICE, "currency", "USD"));
            l.put("quantity", line.getValue());
            l.put("lineTotal", Map.of("amount", lineTotal.toPlainString(), "currency", "USD"));
            l.put("available", available(line.getKey()));
            l.put("inStock", available(line.getKey()) > 0);
            out.add(l);
        }
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("id", id);
        cart.put("lines", out);
        cart.put("total", Map.of("amount", total.toPlainString(), "currency", "USD"));
        cart.put("itemCount", count);
        cart.put("partial", false);
        return cart;
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        LoopbackServer.send(exchange, status, "application/problem+json",
                Map.of("type", "about:blank", "title", "Problem", "status", status, "detail", detail));
    }

}
