package org.emporium.cart.client;

/** Catalog or inventory refused our request (a 4xx other than 404): a bug on our side; not retried. */
public class UpstreamRejectedException extends RuntimeException {

    public UpstreamRejectedException(String message, Throwable cause) {
        // no stack trace: an expected condition, frequent while a dependency is down
        super(message, cause, false, false);
    }
}
