package org.emporium.storefront.client.cart;

/**
 * The cart service could not answer: down, too slow, failing, or its circuit breaker is open. The
 * cart page turns it into a 503; the header's mini-cart just shows no count.
 */
public class CartUnavailableException extends RuntimeException {

    public CartUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
