package org.emporium.orders.domain;

import java.util.List;

/**
 * What the saga does about a reply: move to {@code next} (the same step when retrying) and send
 * {@code commands}; a cancellation carries its reason. {@code retry} says the step's command was
 * sent again (its attempts grow; a new step starts at one).
 */
public record Decision(Step next, List<Command> commands, CancelReason reason, String detail, boolean retry) {

    static Decision proceed(Step next, Command command) {
        return new Decision(next, List.of(command), null, null, false);
    }

    static Decision retry(Step same, Command command) {
        return new Decision(same, List.of(command), null, null, true);
    }

    static Decision confirm() {
        return new Decision(Step.CONFIRMED, List.of(), null, null, false);
    }

    /** Cancels, sending the compensations in the order given (latest step first: see {@link Steps}). */
    static Decision cancel(CancelReason reason, String detail, List<Command> compensations) {
        return new Decision(Step.CANCELLED, List.copyOf(compensations), reason,
                detail == null || detail.isBlank() ? reason.description() : detail, false);
    }
}
