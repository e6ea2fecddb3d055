package org.emporium.catalog.seed;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A product as seeded. {@code attributes} keeps its insertion order (and is read-only) so that
 * two generations compare equal and render identically.
 */
public record SeedProduct(String sku, String name, String description, String brand,
                          String categorySlug, BigDecimal price, Map<String, String> attributes) {

    public SeedProduct {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(categorySlug, "categorySlug");
        Objects.requireNonNull(price, "price");
        // Map.copyOf would lose the order, so copy into a LinkedHashMap and wrap it instead.
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
