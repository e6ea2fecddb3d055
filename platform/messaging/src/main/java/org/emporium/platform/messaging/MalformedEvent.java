package org.emporium.platform.messaging;

/**
 * A record that is not a readable event: not a CloudEvent, or a field the consumer needs is
 * missing or wrong. No retry can change that, so it is logged and skipped. The message names the
 * field, never its value (values may be personal data or card tokens).
 */
public final class MalformedEvent extends Exception {

    public MalformedEvent(String message) {
        super(message, null, false, false);
    }
}
