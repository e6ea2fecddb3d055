package org.emporium.catalog;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A product as the catalog stores and serves it. */
public record Product(UUID id, String sku, String name, String description, String brand, String category,
                      Money price, String imageUrl, Map<String, String> attributes,
                      Instant createdAt, Instant updatedAt) {
}
