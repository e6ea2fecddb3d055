package org.emporium.storefront.client.orders;

/**
 * The orders service could not answer: down, too slow, failing (5xx, including its own 503 when
 * cart, payments or the catalog are unavailable to it), or its circuit breaker is open.
 */
public class OrdersUnavailableException extends RuntimeException {

    public OrdersUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
