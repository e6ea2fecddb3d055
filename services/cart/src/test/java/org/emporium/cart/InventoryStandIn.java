package org.emporium.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inventory's {@code GET /api/inventory?skus=a,b}: every SKU has 50 units available unless a test
 * sets another number; SKUs starting with {@code NEW-} are unknown to inventory.
 */
final class InventoryStandIn extends StandIn {

    static final int DEFAULT_AVAILABLE = 50;
    private final Map<String, Integer> available = new ConcurrentHashMap<>();

    void setAvailable(String sku, int units) {
        available.put(sku, units);
    }

    @Override
    Answer answer(String path, Map<String, String> query) {
        if (!path.equals("/api/inventory") || query.get("skus") == null) {
            return new Answer(404, Map.of("title", "Not found", "status", 404));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String sku : query.get("skus").split(",")) {
            if (sku.startsWith("NEW-")) {
                unknown.add(sku);
            } else {
                items.add(Map.of("sku", sku, "available", available.getOrDefault(sku, DEFAULT_AVAILABLE), "reserved", 0));
            }
        }
        return new Answer(200, Map.of("items", items, "unknown", unknown));
    }
}
