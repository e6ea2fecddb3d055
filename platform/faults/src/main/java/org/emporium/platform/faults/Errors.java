package org.emporium.platform.faults;

/**
 * Errors instead of answers: a request it meets gets {@code status} (a problem+json body), or, when
 * the status is {@link #DROP}, its connection is closed with no answer at all.
 */
public record Errors(int status, Share share) {

    /** Close the connection instead of answering. */
    public static final int DROP = 0;

    public Errors {
        if (status != DROP && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("an injected error is a status from 400 to 599, not " + status);
        }
    }

    public boolean drops() {
        return status == DROP;
    }
}
