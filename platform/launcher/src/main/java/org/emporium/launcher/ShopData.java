package org.emporium.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The services' own data, read (and, to set a run up, written) directly at each service with the
 * token of the emporium-services client, as an operator's tool would: what the invariants of a
 * chaos run are checked against. Never through the gateway, whose faults are the run's, not the judge's.
 */
final class ShopData {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer that is not the one asked for; the caller decides whether to ask again. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private final Wiring wiring;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String token;
    private long tokenAt;

    ShopData(Workspace workspace) {
        this.wiring = new LocalWiring(workspace, Topology.GRAPH);
    }

    // ---- orders, payments, stock, mail -----------------------------------------------------------

    JsonNode order(UUID id) {
        return get("orders", "/api/orders/" + id);
    }

    int onHand(String sku) {
        JsonNode stock = get("inventory", "/api/inventory/" + encode(sku));
        return stock.path("available").asInt() + stock.path("reserved").asInt();
    }

    void setStock(String sku, int onHand) {
        send("inventory", "PUT", "/api/inventory/" + encode(sku), "{\"onHand\":" + onHand + "}", 200);
    }

    /** The amounts captured for an order, one per capture in its payments' ledgers. */
    List<BigDecimal> captures(UUID orderId) {
        List<BigDecimal> captured = new ArrayList<>();
        for (JsonNode payment : get("payments", "/api/payments?orderId=" + orderId).path("items")) {
            for (JsonNode entry : payment.path("ledger")) {
                if (entry.path("to").asText().equals("CAPTURED")) {
                    captured.add(new BigDecimal(entry.at("/amount/amount").asText()));
                }
            }
        }
        return captured;
    }

    /** The subjects of the mails the SMTP server received for an address (none: an empty list). */
    List<String> mailSubjects(String address) {
        HttpResponse<String> response = request("mail", "GET", "/api/user/" + encode(address) + "/messages/INBOX", null);
        if (response.statusCode() == 404 || response.statusCode() == 400) {
            return List.of(); // the mail server knows no such user: nothing was sent to it
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("mail: " + response.statusCode());
        }
        List<String> subjects = new ArrayList<>();
        read(response.body()).forEach(m -> subjects.add(m.path("subject").asText()));
        return subjects;
    }

    // ---- catalog and search ----------------------------------------------------------------------

    /** One page of products (id, sku, name, price…), as the catalog lists them. */
    List<JsonNode> products(int page, int size) {
        List<JsonNode> products = new ArrayList<>();
        get("catalog", "/api/catalog/products?size=" + size + "&page=" + page).path("items").forEach(products::add);
        return products;
    }

    JsonNode product(String sku) {
        return get("catalog", "/api/catalog/products/sku/" + encode(sku));
    }

    /** An admin's price change: the product as it is, with another price. */
    void changePrice(JsonNode product, String amount) {
        ObjectNode request = JSON.createObjectNode();
        for (String field : List.of("sku", "name", "description", "brand", "category", "imageUrl", "attributes")) {
            request.set(field, product.get(field));
        }
        request.putObject("price").put("amount", amount).put("currency", product.at("/price/currency").asText("USD"));
        send("catalog", "PUT", "/api/catalog/products/" + product.path("id").asText(), request.toString(), 200);
    }

    /** The price search shows for a product, found by its name; empty when search does not find it. */
    Optional<String> searchedPrice(String sku, String name) {
        for (JsonNode item : get("search", "/api/search?size=50&q=" + encode(name)).path("items")) {
            if (item.path("sku").asText().equals(sku)) {
                return Optional.of(item.at("/price/amount").asText());
            }
        }
        return Optional.empty();
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    private JsonNode get(String service, String path) {
        return read(send(service, "GET", path, null, 200));
    }

    private String send(String service, String method, String path, String body, int expected) {
        HttpResponse<String> response = request(service, method, path, body);
        if (response.statusCode() != expected) {
            throw new Unavailable(method + " " + service + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> request(String service, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Topology.port(service) + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable(method + " " + service + path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }

    /** The services client's token, renewed well within its 5 minutes. */
    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(2).toNanos()) {
            try {
                token = ServiceToken.fetch(wiring.issuer(), "emporium-services", wiring.servicesClientSecret());
            } catch (IOException e) {
                throw new Unavailable("identity: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted");
            }
            tokenAt = System.nanoTime();
        }
        return token;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
