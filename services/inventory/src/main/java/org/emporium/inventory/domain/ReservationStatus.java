package org.emporium.inventory.domain;

/**
 * Where a reservation is in its life. RESERVED holds units; the other four are final. REJECTED
 * is kept like the others so a retry with the same id gets the same answer.
 */
public enum ReservationStatus {
    RESERVED, COMMITTED, RELEASED, EXPIRED, REJECTED;

    /** What a commit request does to a reservation in this status. */
    public Transition onCommit() {
        return switch (this) {
            case RESERVED -> Transition.APPLY;
            case COMMITTED -> Transition.ALREADY_DONE;
            case RELEASED, EXPIRED, REJECTED -> Transition.REFUSE;
        };
    }

    /**
     * What a release request does. Releasing what holds nothing any more (expired, rejected, released)
     * is harmless, so a saga's compensation may always send it; committed stock has left, though.
     */
    public Transition onRelease() {
        return switch (this) {
            case RESERVED -> Transition.APPLY;
            case RELEASED, EXPIRED, REJECTED -> Transition.ALREADY_DONE;
            case COMMITTED -> Transition.REFUSE;
        };
    }

    public enum Transition { APPLY, ALREADY_DONE, REFUSE }
}
