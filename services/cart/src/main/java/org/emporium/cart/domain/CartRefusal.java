package org.emporium.cart.domain;

/**
 * A change the cart refuses although the request was well formed: the line would exceed a limit,
 * the SKU is unknown, or the stock is short. Answered with 422.
 */
public class CartRefusal extends RuntimeException {

    private final String field;

    public CartRefusal(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
