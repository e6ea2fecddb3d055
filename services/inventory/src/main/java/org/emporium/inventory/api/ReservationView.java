package org.emporium.inventory.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.inventory.domain.Shortage;

/** A reservation as answered; {@code shortages} only when it was rejected. */
public record ReservationView(UUID id, ReservationStatus status, List<ReservationLine> lines,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Shortage> shortages,
                              Instant expiresAt, Instant createdAt, Instant updatedAt) {

    static ReservationView of(Reservation r) {
        return new ReservationView(r.id(), r.status(), r.lines(), r.shortages(), r.expiresAt(), r.createdAt(),
                r.updatedAt());
    }
}
