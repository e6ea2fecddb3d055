package org.emporium.cart.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/carts/{id}/items}: units to add to the line of a SKU. */
public record AddItem(@NotNull String sku, @NotNull @Min(1) @Max(99) Integer quantity) {
}
