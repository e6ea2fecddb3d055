package org.emporium.search.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.emporium.search.index.StockLevel;

/**
 * A record of {@code inventory.stock.v1}: a CloudEvents 1.0 structured-mode JSON event
 * (contracts/events/inventory.*.json). Search needs only {@code StockLevelChanged} (keyed by
 * SKU, the SKU's whole current level); the reservation events that share the topic are keyed by
 * reservation and say nothing search shows, so they come back as {@link Other}.
 */
sealed interface StockEvent {

    String LEVEL_CHANGED = "emporium.inventory.StockLevelChanged";

    record LevelChanged(StockLevel level) implements StockEvent {
    }

    /** Another event of the topic (reservations), or one this service does not know. */
    record Other(String type) implements StockEvent {
    }

    static StockEvent parse(byte[] value) throws MalformedEvent {
        JsonNode event = CloudEvent.read(value);
        String type = CloudEvent.type(event);
        if (!LEVEL_CHANGED.equals(type)) {
            return new Other(type);
        }
        JsonNode data = event.path("data");
        long available = CloudEvent.integer(data, "available", 0);
        return new LevelChanged(new StockLevel(CloudEvent.text(data, "sku", 64),
                (int) Math.min(available, Integer.MAX_VALUE), CloudEvent.version(data)));
    }
}
