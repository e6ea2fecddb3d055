package org.emporium.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Cart and payments' card tokenization, over HTTP as the real ones answer: carts the test puts
 * in, and tokens that tell {@link ScriptedParticipants} how the card behaves. A cart may belong to
 * an account: then, as the cart service does, no token is a 401, another account's token a 404,
 * and the owner's, an admin's or a service's token is served. Signatures are the orders service's
 * business (it verified the token before relaying it); this reads only the claims.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {

    static final Map<UUID, String> CARTS = new ConcurrentHashMap<>();
    static final Map<UUID, String> OWNERS = new ConcurrentHashMap<>();
    static final Set<UUID> CLEARED = ConcurrentHashMap.newKeySet();
    /** The Authorization header of every cart request, by cart id ("" when none was sent). */
    static final Map<UUID, List<String>> AUTHORIZATIONS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "{\"status\":404,\"title\":\"Not found\"}";
    private static HttpServer server;
    private static ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            threads = Executors.newVirtualThreadPerTaskExecutor();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/", StandIns::handle);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("EMPORIUM_CART_URL", url, "EMPORIUM_PAYMENTS_URL", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** A cart with the given lines of (sku, quantity) at 10.00 USD a unit; its id. */
    static UUID cart(Object... skuQuantity) {
        List<String[]> lines = new java.util.ArrayList<>();
        for (int i = 0; i < skuQuantity.length; i += 2) {
            lines.add(new String[] {(String) skuQuantity[i], null, String.valueOf(skuQuantity[i + 1])});
        }
        return cartOf(lines);
    }

    /** A cart with lines of one SKU in sizes, given as (size, quantity), at 10.00 USD a unit; its id. */
    static UUID sizedCart(String sku, Object... sizeQuantity) {
        List<String[]> lines = new java.util.ArrayList<>();
        for (int i = 0; i < sizeQuantity.length; i += 2) {
            lines.add(new String[] {sku, (String) sizeQuantity[i], String.valueOf(sizeQuantity[i + 1])});
        }
        return cartOf(lines);
    }

    /** Lines of (sku, size or null, quantity) as the cart shows them. */
    private static UUID cartOf(List<String[]> cartLines) {
        UUID id = UUID.randomUUID();
        StringBuilder lines = new StringBuilder();
        int units = 0;
        for (String[] line : cartLines) {
            int quantity = Integer.parseInt(line[2]);
            units += quantity;
            String options = line[1] == null ? "" : "\"options\":{\"size\":\"" + line[1] + "\"},";
            lines.append(lines.isEmpty() ? "" : ",").append("""
                    {"sku":"%s",%s"name":"Product <b>%s</b>","unitPrice":{"amount":"10.00","currency":"USD"},\
                    "quantity":%d,"lineTotal":{"amount":"%d.00","currency":"USD"},"available":5,"inStock":true}"""
                    .formatted(line[0], options, line[0], quantity, 10 * quantity));
        }
        CARTS.put(id, """
                {"id":"%s","lines":[%s],"total":{"amount":"%d.00","currency":"USD"},"itemCount":%d,"version":1,\
                "partial":false}""".formatted(id, lines, 10 * units, units));
        return id;
    }

    /** A cart as {@link #cart} makes, belonging to the account {@code owner}. */
    static UUID ownedCart(String owner, Object... skuQuantity) {
        UUID id = cart(skuQuantity);
        OWNERS.put(id, owner);
        return id;
    }

    /** The {@code sub} of a bearer token ("" for none). */
    static String subject(String authorization) {
        JsonNode claims = claims(authorization);
        return claims == null ? "" : claims.path("sub").asText();
    }

    private static JsonNode claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            int status;
            String json;
            if (path.equals("/api/payments/cards") && method.equals("POST")) {
                status = 201;
                json = tokenize(body);
            } else if (path.startsWith("/api/carts/")) {
                UUID id = UUID.fromString(path.substring("/api/carts/".length()));
                AUTHORIZATIONS.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(authorization == null ? "" : authorization);
                String owner = OWNERS.get(id);
                JsonNode claims = claims(authorization);
                boolean allowed = owner == null || claims != null && (owner.equals(claims.path("sub").asText())
                        || claims.path("roles").toString().contains("\"admin\"")
                        || claims.path("roles").toString().contains("\"service\""));
                if (owner != null && claims == null) {
                    status = 401;
                    json = "{\"status\":401,\"title\":\"Unauthorized\"}";
                } else if (!allowed || !CARTS.containsKey(id)) {
                    status = 404;
                    json = NOT_FOUND;
                } else if (method.equals("DELETE")) {
                    CLEARED.add(id);
                    status = 204;
                    json = null;
                } else {
                    status = 200;
                    json = CARTS.get(id);
                }
            } else {
                status = 404;
                json = NOT_FOUND;
            }
            if (json == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String tokenize(String body) {
        String digits = body.replaceAll(".*\"cardNumber\"\\s*:\\s*\"([0-9]+)\".*", "$1");
        String last4 = digits.substring(digits.length() - 4);
        String behaviour = switch (digits) {
            case "4000000000000002" -> "decline";
            case "4000000000000119" -> "fail";
            default -> "approve";
        };
        return """
                {"token":"tok_%s_%s","last4":"%s","brand":"visa","expiryMonth":12,"expiryYear":2030}"""
                .formatted(behaviour, last4, last4);
    }
}
