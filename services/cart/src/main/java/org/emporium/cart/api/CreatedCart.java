package org.emporium.cart.api;

import java.util.UUID;

/** The answer to {@code POST /api/carts}. */
public record CreatedCart(UUID id) {
}
