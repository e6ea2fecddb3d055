package org.emporium.cart.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/carts/{id}/items}: units to add to the line of a SKU with the options chosen,
 * such as {@code {"size":"M"}}: exactly the options the catalog offers for the product (its
 * {@code options}), each with an allowed value; none for a product without options.
 */
public record AddItem(@NotNull String sku, @NotNull @Min(1) @Max(99) Integer quantity,
                      @Schema(description = "option name to the value chosen, such as {\"size\": \"M\"}: exactly the "
                              + "options the catalog's product offers, each with one of its values; omitted or {} "
                              + "for a product without options")
                      Map<String, String> options) {
}
