package org.emporium.search.messaging;

import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.Fields;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.search.index.StockLevel;

/**
 * An event of {@code inventory.stock.v1} (contracts/events/inventory.*.json). Search needs only {@code StockLevelChanged} (keyed by
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

    static StockEvent of(Envelope event) throws MalformedEvent {
        String type = event.type();
        if (!LEVEL_CHANGED.equals(type)) {
            return new Other(type);
        }
        Fields data = event.data();
        long available = data.integer("available", 0);
        return new LevelChanged(new StockLevel(data.text("sku", 64),
                (int) Math.min(available, Integer.MAX_VALUE), data.version()));
    }
}
