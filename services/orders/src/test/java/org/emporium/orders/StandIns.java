package org.emporium.orders;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.emporium.platform.testing.StandInServer;
import org.emporium.platform.testing.StandInServer.Answer;

/**
 * Cart and payments' card tokenization, over HTTP as the real ones answer: carts the test puts
 * in, and tokens that tell {@link ScriptedParticipants} how the card behaves.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {

    static final Map<UUID, String> CARTS = new ConcurrentHashMap<>();
    static final Set<UUID> CLEARED = ConcurrentHashMap.newKeySet();
    private static StandInServer server;

    @Override
    public Map<String, String> start() {
        server = new StandInServer(StandIns::answer);
        return Map.of("EMPORIUM_CART_URL", server.url(), "EMPORIUM_PAYMENTS_URL", server.url());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A cart with the given lines of (sku, quantity) at 10.00 USD a unit; its id. */
    static UUID cart(Object... skuQuantity) {
        UUID id = UUID.randomUUID();
        StringBuilder lines = new StringBuilder();
        int units = 0;
        for (int i = 0; i < skuQuantity.length; i += 2) {
            int quantity = (Integer) skuQuantity[i + 1];
            units += quantity;
            lines.append(lines.isEmpty() ? "" : ",").append("""
                    {"sku":"%s","name":"Product <b>%s</b>","unitPrice":{"amount":"10.00","currency":"USD"},\
                    "quantity":%d,"lineTotal":{"amount":"%d.00","currency":"USD"},"available":5,"inStock":true}"""
                    .formatted(skuQuantity[i], skuQuantity[i], quantity, 10 * quantity));
        }
        CARTS.put(id, """
                {"id":"%s","lines":[%s],"total":{"amount":"%d.00","currency":"USD"},"itemCount":%d,"version":1,\
                "partial":false}""".formatted(id, lines, 10 * units, units));
        return id;
    }

    private static Answer answer(StandInServer.Request request) {
        if (request.path().equals("/api/payments/cards") && request.method().equals("POST")) {
            String digits = request.body().replaceAll(".*\"cardNumber\"\\s*:\\s*\"([0-9]+)\".*", "$1");
            String last4 = digits.substring(digits.length() - 4);
            String behaviour = switch (digits) {
                case "4000000000000002" -> "decline";
                case "4000000000000119" -> "fail";
                default -> "approve";
            };
            return new Answer(201, """
                    {"token":"tok_%s_%s","last4":"%s","brand":"visa","expiryMonth":12,"expiryYear":2030}"""
                    .formatted(behaviour, last4, last4));
        }
        if (request.path().startsWith("/api/carts/")) {
            UUID id = UUID.fromString(request.path().substring("/api/carts/".length()));
            if (request.method().equals("DELETE")) {
                CLEARED.add(id);
                return new Answer(204, null);
            }
            String cart = CARTS.get(id);
            return cart == null ? new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}") : new Answer(200, cart);
        }
        return new Answer(404, "{\"status\":404,\"title\":\"Not Found\"}");
    }
}
