package org.emporium.inventory.domain;

/** A reservation request that breaks a rule no stock level could satisfy (the caller's mistake). */
public class InvalidReservation extends RuntimeException {

    private final String field;

    public InvalidReservation(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
