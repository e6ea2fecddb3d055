package org.emporium.cart.domain;

/** No such cart, or no such line in the cart. Answered with 404. */
public class NotInCart extends RuntimeException {

    public NotInCart(String message) {
        super(message, null, false, false);
    }
}
