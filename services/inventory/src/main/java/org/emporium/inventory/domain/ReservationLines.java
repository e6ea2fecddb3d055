package org.emporium.inventory.domain;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a reservation's lines, shared by the REST API and the Kafka commands. Lines come
 * back sorted by SKU: the order rows are locked in (so two reservations never deadlock) and the
 * canonical form a retry is compared in.
 */
public final class ReservationLines {

    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 99;

    private ReservationLines() {
    }

    public static List<ReservationLine> normalize(List<ReservationLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidReservation("lines", "must hold at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidReservation("lines", "must hold at most " + MAX_LINES + " lines");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ReservationLine line = lines.get(i);
            if (line == null) {
                throw new InvalidReservation("lines[" + i + "]", "must not be null");
            }
            if (!Skus.valid(line.sku())) {
                throw new InvalidReservation("lines[" + i + "].sku", "must be " + Skus.RULE);
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw new InvalidReservation("lines[" + i + "].quantity", "must be between 1 and " + MAX_QUANTITY);
            }
            if (!seen.add(line.sku())) {
                throw new InvalidReservation("lines[" + i + "].sku", "SKU " + line.sku() + " appears in more than one line");
            }
        }
        return lines.stream().sorted(Comparator.comparing(ReservationLine::sku)).toList();
    }
}
