package org.emporium.cart.api;

/** {@code POST /api/carts/mine/merge}: the guest cart to merge into the caller's cart. */
public record MergeCart(String cartId) {
}
