package org.emporium.storefront.client.search;

/**
 * Search answered 4xx to a request the storefront built. The storefront checks the parameters
 * first, so this means the two disagree on the contract: retrying cannot help, and it must not
 * open the circuit breaker.
 */
public class SearchRejectedException extends SearchUnavailableException {

    public SearchRejectedException(String message) {
        super(message, null);
    }
}
