package org.emporium.cart.client;

/** Catalog or inventory has no such resource (404): an answer, not a failure. */
public class UpstreamNotFoundException extends RuntimeException {

    public UpstreamNotFoundException(String message, Throwable cause) {
        // no stack trace: an expected condition, frequent while a dependency is down
        super(message, cause, false, false);
    }
}
