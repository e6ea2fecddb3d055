package org.emporium.recommendations.messaging;

/** A record that is not a readable event of a known type; skipped, never retried. */
final class MalformedEvent extends Exception {

    MalformedEvent(String message) {
        super(message, null, false, false);
    }
}
