package org.emporium.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Inventory events in the contract's format (contracts/events/inventory.*.json), as inventory publishes them. */
public final class StockEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StockEvents() {
    }

    /** A StockLevelChanged with {@code reserved} units held, so onHand = available + reserved. */
    public static byte[] levelChanged(String sku, int available, long version) {
        int reserved = 2;
        ObjectNode data = JSON.createObjectNode().put("sku", sku).put("available", available).put("reserved", reserved)
                .put("onHand", available + reserved).put("version", version);
        return envelope("emporium.inventory.StockLevelChanged", sku, data);
    }

    /** A reservation event, which shares the topic (keyed by reservation id) and search ignores. */
    public static byte[] reserved(String reservationId, String sku) {
        ObjectNode data = JSON.createObjectNode().put("reservationId", reservationId).put("expiresAt", "2025-06-01T12:15:00Z");
        data.putArray("lines").addObject().put("sku", sku).put("quantity", 1);
        return envelope("emporium.inventory.StockReserved", reservationId, data);
    }

    private static byte[] envelope(String type, String subject, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/emporium/inventory")
                .put("type", type).put("subject", subject).put("time", "2025-06-01T12:00:00Z")
                .put("datacontenttype", "application/json");
        event.set("data", data);
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
