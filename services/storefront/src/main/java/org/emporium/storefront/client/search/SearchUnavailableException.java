package org.emporium.storefront.client.search;

/**
 * Search could not answer: down, too slow, failing, or its circuit breaker is open. The results
 * page turns it into a 503; it never carries upstream details to the browser.
 */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        // no stack trace: expected, and thrown on every search while the service is down
        super(message, cause, false, false);
    }
}
