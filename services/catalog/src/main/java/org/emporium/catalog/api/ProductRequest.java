package org.emporium.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a product create or replace. */
public record ProductRequest(
        @NotBlank @Pattern(regexp = ProductRequest.SKU_PATTERN, message = "must be " + ProductRequest.SKU_RULE)
        @Schema(description = "the SKU format every service accepts: " + ProductRequest.SKU_RULE
                + ", such as the seed's AUD-000123 or DEMO-1")
        String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotBlank @Size(max = 80) String brand,
        @NotBlank @Size(max = 80) String category,
        @NotNull @Valid Price price,
        @Size(max = 500) @Pattern(regexp = "(https?://|/)\\S*", message = "must be an absolute URL or a path")
        String imageUrl,
        @Size(max = 50) Map<@NotBlank @Size(max = 50) String, @NotNull @Size(max = 200) String> attributes) {

    /**
     * The SKU format, defined here once for the whole system: the catalog refuses any other SKU on
     * create, and publishes this pattern in its contract (contracts/openapi/catalog.yaml,
     * {@code ProductRequest.sku}), which the storefront, cart, inventory and recommendations
     * follow. 3-32 characters, as the SKU columns and URLs allow; dashes for readable prefixes.
     */
    public static final String SKU_PATTERN = "[A-Z0-9][A-Z0-9-]{2,31}";
    public static final String SKU_RULE = "3-32 upper-case letters, digits or dashes";

    /** A price as sent by a client: the amount as a decimal string, a three-letter currency. */
    public record Price(
            @NotBlank @Pattern(regexp = "\\d{1,10}(\\.\\d{1,2})?", message = "must be a non-negative decimal with at most 2 fraction digits")
            String amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
            String currency) {
    }
}
