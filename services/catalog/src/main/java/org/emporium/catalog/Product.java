package org.emporium.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A product as the catalog stores and serves it. {@code options} is derived from the attributes
 * ({@link ProductOptions}): read-only, never stored, never taken from a request.
 */
public record Product(UUID id, String sku, String name, String description, String brand, String category,
                      Money price, String imageUrl, Map<String, String> attributes,
                      Instant createdAt, Instant updatedAt,
                      @Schema(readOnly = true, description = "what a shopper chooses when adding the product to a cart: "
                              + "option name to allowed values in order, such as {\"size\": [\"S\", \"M\", \"L\", \"XL\"]}; "
                              + "derived from the attributes (sizes), empty when there is nothing to choose")
                      Map<String, List<String>> options) {

    public Product(UUID id, String sku, String name, String description, String brand, String category,
                   Money price, String imageUrl, Map<String, String> attributes,
                   Instant createdAt, Instant updatedAt) {
        this(id, sku, name, description, brand, category, price, imageUrl, attributes, createdAt, updatedAt,
                ProductOptions.of(attributes));
    }

    public Product {
        options = options == null ? ProductOptions.of(attributes) : options;
    }
}
