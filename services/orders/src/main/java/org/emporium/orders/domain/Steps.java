package org.emporium.orders.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A saga declared as its steps, in order: each sends one command and names the command that undoes
 * it. What a cancellation sends follows from that declaration — the compensations of the steps
 * done, latest first — so it is written once, not in each way a checkout can fail.
 */
final class Steps {

    /**
     * One step: the command that does it; the one that undoes it (none: nothing to undo); the
     * reason given when it is given up after its attempts; or, past the pivot, retried until done.
     */
    record Definition(Step step, Command command, Command compensation, CancelReason givenUpAs, boolean forwardOnly) {

        Definition sends(Command action) {
            return new Definition(step, action, compensation, givenUpAs, forwardOnly);
        }

        Definition compensatedBy(Command undo) {
            return new Definition(step, command, undo, givenUpAs, forwardOnly);
        }

        Definition givenUpAs(CancelReason reason) {
            return new Definition(step, command, compensation, reason, forwardOnly);
        }

        /** Never given up and never undone: the saga only goes forward from here (forward recovery). */
        Definition retriedUntilDone() {
            return new Definition(step, command, compensation, givenUpAs, true);
        }
    }

    private final List<Definition> steps;

    private Steps(List<Definition> steps) {
        this.steps = List.copyOf(steps);
    }

    static Definition step(Step step) {
        return new Definition(step, null, null, null, false);
    }

    /** The saga of {@code steps}, in the order they run; the last one done confirms. */
    static Steps steps(Definition... steps) {
        boolean pastPivot = false;
        for (Definition s : steps) {
            Objects.requireNonNull(s.command(), () -> s.step() + " sends no command");
            if (s.forwardOnly()) {
                if (s.compensation() != null || s.givenUpAs() != null) {
                    throw new IllegalArgumentException(s.step() + " is retried until done: it is never undone");
                }
                pastPivot = true;
            } else if (pastPivot || s.givenUpAs() == null) {
                throw new IllegalArgumentException(s.step() + " must be given up with a reason, before the pivot");
            }
        }
        return new Steps(List.of(steps));
    }

    Definition first() {
        return steps.getFirst();
    }

    boolean contains(Step step) {
        return steps.stream().anyMatch(s -> s.step() == step);
    }

    boolean neverGivenUp(Step step) {
        return steps.get(indexOf(step)).forwardOnly();
    }

    /** The step's reply came: on to the next step, or confirmed after the last. */
    Decision done(Step step) {
        int next = indexOf(step) + 1;
        return next < steps.size()
                ? Decision.proceed(steps.get(next).step(), steps.get(next).command())
                : Decision.confirm();
    }

    /** No reply in time: the step's command again. */
    Decision retry(Step step) {
        return Decision.retry(step, steps.get(indexOf(step)).command());
    }

    /** The participant refused the step, so it did nothing: undo the steps before it. */
    Decision failed(Step step, CancelReason reason, String detail) {
        return Decision.cancel(reason, detail, compensations(steps.subList(0, indexOf(step)), null));
    }

    /**
     * No reply after all attempts: undo the step too, in case it happens late (its compensation
     * follows its command on the order's key, so the participant sees them in that order).
     */
    Decision giveUp(Step step) {
        int at = indexOf(step);
        return Decision.cancel(steps.get(at).givenUpAs(), null, compensations(steps.subList(0, at + 1), null));
    }

    /**
     * A participant undid {@code undone} on its own (a reservation that expired): undo the other
     * steps taken, the current one included in case it happens late.
     */
    Decision undoneElsewhere(Step step, Step undone, CancelReason reason) {
        return Decision.cancel(reason, null, compensations(steps.subList(0, indexOf(step) + 1), undone));
    }

    /** The compensations of {@code taken}, latest first, leaving out {@code except}. */
    private static List<Command> compensations(List<Definition> taken, Step except) {
        List<Command> undo = new ArrayList<>();
        for (Definition s : taken.reversed()) {
            if (s.compensation() != null && s.step() != except) {
                undo.add(s.compensation());
            }
        }
        return undo;
    }

    private int indexOf(Step step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step() == step) {
                return i;
            }
        }
        throw new IllegalArgumentException(step + " is no step of this saga");
    }
}
