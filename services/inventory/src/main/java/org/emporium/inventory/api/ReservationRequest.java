package org.emporium.inventory.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * A reservation as asked for. The id is the caller's (a retry sends the same one); lines are
 * checked by {@link org.emporium.inventory.domain.ReservationLines}, the rules the Kafka commands
 * share. {@code ttlSeconds} is optional, within the configured bounds.
 */
public record ReservationRequest(@NotNull UUID id, List<Line> lines, Integer ttlSeconds) {

    public record Line(String sku, Integer quantity) {
    }
}
