package org.emporium.inventory.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.Fields;
import org.emporium.platform.messaging.MalformedEvent;

/**
 * A command on {@code inventory.commands.v1}: a CloudEvent whose type names the command and whose
 * data carries the reservation id the saga chose (and, to reserve, the lines). Schemas:
 * contracts/events/inventory.ReserveStock.json and siblings.
 */
public sealed interface InventoryCommand {

    String RESERVE = "emporium.inventory.ReserveStock";
    String COMMIT = "emporium.inventory.CommitReservation";
    String RELEASE = "emporium.inventory.ReleaseReservation";

    UUID reservationId();

    record ReserveStock(UUID reservationId, List<ReservationLine> lines, Integer ttlSeconds) implements InventoryCommand {
    }

    record CommitReservation(UUID reservationId) implements InventoryCommand {
    }

    record ReleaseReservation(UUID reservationId) implements InventoryCommand {
    }

    static InventoryCommand of(Envelope event) throws MalformedEvent {
        Fields data = event.data();
        UUID id = data.uuid("reservationId");
        return switch (event.type()) {
            case RESERVE -> new ReserveStock(id, lines(data),
                    data.node("ttlSeconds").isInt() ? data.node("ttlSeconds").asInt() : null);
            case COMMIT -> new CommitReservation(id);
            case RELEASE -> new ReleaseReservation(id);
            default -> throw new MalformedEvent("unknown type '" + event.type() + "'");
        };
    }

    private static List<ReservationLine> lines(Fields data) throws MalformedEvent {
        List<ReservationLine> lines = new ArrayList<>();
        for (Fields line : data.array("lines", 0)) {
            // any integer: the domain's own checks answer a bad quantity with the field it names
            lines.add(new ReservationLine(line.text("sku"), line.count("quantity", Integer.MIN_VALUE)));
        }
        return lines;
    }
}
