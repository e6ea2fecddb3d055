package org.emporium.inventory.domain;

/**
 * The request contradicts what the reservation already is: the same id with other lines, or a
 * transition its status does not allow (committing an expired reservation, releasing a committed one).
 */
public class ReservationConflict extends RuntimeException {

    public ReservationConflict(String message) {
        super(message, null, false, false);
    }
}
