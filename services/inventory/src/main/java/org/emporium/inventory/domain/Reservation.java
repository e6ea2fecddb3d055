package org.emporium.inventory.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reservation as stored: its lines sorted by SKU, and the shortages that rejected it, if it was. */
public record Reservation(UUID id, ReservationStatus status, List<ReservationLine> lines, List<Shortage> shortages,
                          Instant expiresAt, Instant createdAt, Instant updatedAt) {

    /** True when {@code lines} (normalized) ask for exactly what this reservation asked for. */
    public boolean sameLines(List<ReservationLine> lines) {
        return this.lines.equals(lines);
    }
}
