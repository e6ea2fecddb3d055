package org.emporium.search.index;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A product as the index sees it: what a {@code ProductUpserted} event carries. {@code version}
 * grows with every change of the product; the index never lets an older version win.
 */
public record Product(String id, String sku, String name, String description, String brand, String category,
                      BigDecimal price, String currency, String imageUrl, Map<String, String> attributes,
                      Instant createdAt, long version) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        description = description == null ? "" : description;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    }
}
