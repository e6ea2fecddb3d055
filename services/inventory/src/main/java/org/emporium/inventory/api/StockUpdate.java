package org.emporium.inventory.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The admin's count of what is on the shelf. */
public record StockUpdate(@NotNull @Min(0) @Max(1_000_000) Integer onHand) {
}
