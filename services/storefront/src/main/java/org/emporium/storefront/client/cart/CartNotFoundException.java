package org.emporium.storefront.client.cart;

/** The cart service doesn't know the cart (expired after 30 days untouched, or never existed). */
public class CartNotFoundException extends RuntimeException {

    public CartNotFoundException() {
        super("no such cart", null, false, false);
    }
}
