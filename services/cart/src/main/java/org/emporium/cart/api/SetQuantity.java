package org.emporium.cart.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/carts/{id}/items/{sku}}: the line's new quantity. */
public record SetQuantity(@NotNull @Min(1) @Max(99) Integer quantity) {
}
