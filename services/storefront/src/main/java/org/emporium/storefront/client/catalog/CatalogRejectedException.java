package org.emporium.storefront.client.catalog;

/**
 * The catalog answered 4xx (other than 404) to a request the storefront built: a contract mismatch
 * on our side, so retrying cannot help and it must not open the circuit breaker.
 */
public class CatalogRejectedException extends CatalogUnavailableException {

    public CatalogRejectedException(String message) {
        super(message, null);
    }
}
