package org.emporium.storefront.mobile;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * One optional part of a mobile answer: its value, or "missing" when it failed or missed the
 * deadline. Turning a part's failure into a value is what lets the parts run in parallel under
 * one deadline without one failure cancelling the others.
 */
record Part<T>(T value, boolean missing) {

    static <T> Uni<Part<T>> within(Uni<T> call, Duration deadline) {
        return call.map(v -> new Part<>(v, false))
                .ifNoItem().after(deadline).recoverWithItem(new Part<>(null, true))
                .onFailure().recoverWithItem(new Part<>(null, true));
    }
}
