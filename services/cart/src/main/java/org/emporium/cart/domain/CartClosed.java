package org.emporium.cart.domain;

import java.util.UUID;

/** A change of a cart that was merged into its owner's cart at sign-in: answered with 409. */
public class CartClosed extends RuntimeException {

    public CartClosed(UUID cart, UUID mergedInto) {
        super("cart " + cart + " was merged into cart " + mergedInto + " at sign-in; change that one", null, false, false);
    }
}
