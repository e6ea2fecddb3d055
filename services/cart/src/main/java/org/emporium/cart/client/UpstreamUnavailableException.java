package org.emporium.cart.client;

/** Catalog or inventory could not answer: down, too slow, failing, or its circuit breaker is open. */
public class UpstreamUnavailableException extends RuntimeException {

    public UpstreamUnavailableException(String message, Throwable cause) {
        // no stack trace: an expected condition, frequent while a dependency is down
        super(message, cause, false, false);
    }
}
