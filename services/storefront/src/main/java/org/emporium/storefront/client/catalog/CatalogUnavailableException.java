package org.emporium.storefront.client.catalog;

/**
 * The catalog could not answer: down, too slow, failing, or the circuit breaker is open. Pages turn
 * it into a 503; it never carries upstream details to the browser.
 */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message, Throwable cause) {
        // no stack trace: this is an expected condition and is thrown often while the catalog is down
        super(message, cause, false, false);
    }
}
