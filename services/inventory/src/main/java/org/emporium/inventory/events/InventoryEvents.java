package org.emporium.inventory.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.inventory.domain.Shortage;
import org.emporium.inventory.domain.StockLevel;
import org.emporium.platform.outbox.OutboxEvent;

/**
 * Inventory's events on {@code inventory.stock.v1}, one topic for two kinds of key:
 * <ul>
 * <li>reservation events are keyed by reservation id: the saga reads one reservation's story
 * (reserved, then committed or released) in order, as they happened;</li>
 * <li>{@code StockLevelChanged} is keyed by SKU: a consumer such as search applies one SKU's
 * levels in order, so the last one it sees is the current one ({@code version} lets it drop a
 * redelivered older one).</li>
 * </ul>
 */
public final class InventoryEvents {

    public static final String TOPIC = "inventory.stock.v1";
    private static final String PREFIX = "emporium.inventory.";
    public static final String RESERVED = PREFIX + "StockReserved";
    public static final String REJECTED = PREFIX + "StockReservationRejected";
    public static final String RELEASED = PREFIX + "StockReleased";
    public static final String COMMITTED = PREFIX + "StockCommitted";
    public static final String LEVEL_CHANGED = PREFIX + "StockLevelChanged";

    private InventoryEvents() {
    }

    /** Why units went back: a release by the caller, or the expiry job. */
    public enum ReleaseReason { RELEASED, EXPIRED }

    public record StockReserved(UUID reservationId, List<ReservationLine> lines, Instant expiresAt) {
    }

    public record StockReservationRejected(UUID reservationId, List<ReservationLine> lines, List<Shortage> shortages) {
    }

    public record StockCommitted(UUID reservationId, List<ReservationLine> lines) {
    }

    public record StockReleased(UUID reservationId, List<ReservationLine> lines, ReleaseReason reason) {
    }

    public record StockLevelChanged(String sku, int available, int reserved, int onHand, long version) {
    }

    public static OutboxEvent reserved(Reservation r) {
        return new OutboxEvent(TOPIC, r.id().toString(), RESERVED, new StockReserved(r.id(), r.lines(), r.expiresAt()));
    }

    public static OutboxEvent rejected(Reservation r) {
        return new OutboxEvent(TOPIC, r.id().toString(), REJECTED,
                new StockReservationRejected(r.id(), r.lines(), r.shortages()));
    }

    public static OutboxEvent committed(Reservation r) {
        return new OutboxEvent(TOPIC, r.id().toString(), COMMITTED, new StockCommitted(r.id(), r.lines()));
    }

    public static OutboxEvent released(Reservation r, ReleaseReason reason) {
        return new OutboxEvent(TOPIC, r.id().toString(), RELEASED, new StockReleased(r.id(), r.lines(), reason));
    }

    public static OutboxEvent levelChanged(StockLevel s) {
        return new OutboxEvent(TOPIC, s.sku(), LEVEL_CHANGED,
                new StockLevelChanged(s.sku(), s.available(), s.reserved(), s.onHand(), s.version()));
    }

    /**
     * These events in their order, with each SKU's level announced once, where its last change
     * was: a level is the SKU's whole state, so the last one says all the earlier ones said.
     */
    public static List<OutboxEvent> lastLevelPerSku(List<OutboxEvent> events) {
        Map<String, Integer> lastLevel = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).type().equals(LEVEL_CHANGED)) {
                lastLevel.put(events.get(i).key(), i);
            }
        }
        List<OutboxEvent> kept = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            OutboxEvent e = events.get(i);
            if (!e.type().equals(LEVEL_CHANGED) || lastLevel.get(e.key()) == i) {
                kept.add(e);
            }
        }
        return kept;
    }
}
