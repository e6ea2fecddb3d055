package org.emporium.catalog.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.emporium.catalog.Money;
import org.emporium.catalog.Product;
import org.emporium.platform.outbox.OutboxEvent;

/**
 * Product changes as events on {@code catalog.product.v1}, keyed by product id. An upsert carries
 * the whole product so consumers (search, later recommendations) never call back; {@code version}
 * grows with every change so a consumer can ignore a redelivered, older event. {@code options}
 * (derived from the attributes, see {@link org.emporium.catalog.ProductOptions}) was added later:
 * optional in the contract.
 */
public final class ProductEvents {

    public static final String TOPIC = "catalog.product.v1";
    public static final String UPSERTED = "emporium.catalog.ProductUpserted";
    public static final String DELETED = "emporium.catalog.ProductDeleted";

    private ProductEvents() {
    }

    /** The data of {@code ProductUpserted}; field names are the contract's. */
    public record ProductUpserted(UUID id, String sku, String name, String description, String brand,
                                  String category, Money price, String imageUrl, Map<String, String> attributes,
                                  Instant createdAt, Instant updatedAt, long version,
                                  Map<String, List<String>> options) {
    }

    /** The data of {@code ProductDeleted}. */
    public record ProductDeleted(UUID id, String sku, long version) {
    }

    public static OutboxEvent upserted(Product p, long version) {
        return new OutboxEvent(TOPIC, p.id().toString(), UPSERTED, new ProductUpserted(p.id(), p.sku(), p.name(),
                p.description(), p.brand(), p.category(), p.price(), p.imageUrl(),
                p.attributes() == null ? Map.of() : p.attributes(), p.createdAt(), p.updatedAt(), version,
                p.options() == null ? Map.of() : p.options()));
    }

    public static OutboxEvent deleted(UUID id, String sku, long version) {
        return new OutboxEvent(TOPIC, id.toString(), DELETED, new ProductDeleted(id, sku, version));
    }
}
