package org.emporium.inventory.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.platform.outbox.CloudEventEnvelope;

/**
 * A command on {@code inventory.commands.v1}: a CloudEvent in structured JSON mode whose type
 * names the command and whose data carries the reservation id the saga chose (and, to reserve,
 * the lines). Schemas: contracts/events/inventory.ReserveStock.json and siblings.
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

    /** A record that is no command of ours: skipped, with a warning naming why. */
    final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static InventoryCommand parse(ObjectMapper json, byte[] value) throws Malformed {
        CloudEventEnvelope event;
        try {
            event = CloudEventEnvelope.read(json, value);
        } catch (CloudEventEnvelope.Unreadable e) {
            throw new Malformed(e.getMessage());
        }
        String type = event.type();
        JsonNode data = event.data();
        UUID id = uuid(data.path("reservationId"));
        return switch (type) {
            case RESERVE -> new ReserveStock(id, lines(data.path("lines")),
                    data.path("ttlSeconds").isInt() ? data.path("ttlSeconds").asInt() : null);
            case COMMIT -> new CommitReservation(id);
            case RELEASE -> new ReleaseReservation(id);
            default -> throw new Malformed("unknown type '" + type + "'");
        };
    }

    private static UUID uuid(JsonNode node) throws Malformed {
        try {
            if (!node.isTextual() || node.asText().length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw new Malformed("data.reservationId is not a UUID");
        }
    }

    private static List<ReservationLine> lines(JsonNode node) throws Malformed {
        if (!node.isArray()) {
            throw new Malformed("data.lines is not an array");
        }
        List<ReservationLine> lines = new ArrayList<>();
        for (JsonNode line : node) {
            if (!line.path("sku").isTextual() || !line.path("quantity").canConvertToInt()
                    || !line.path("quantity").isIntegralNumber()) {
                throw new Malformed("data.lines holds a line without a text sku and an integer quantity");
            }
            lines.add(new ReservationLine(line.path("sku").asText(), line.path("quantity").asInt()));
        }
        return lines;
    }
}
