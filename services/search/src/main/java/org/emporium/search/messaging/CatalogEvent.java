package org.emporium.search.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emporium.search.index.Product;

/**
 * A record of {@code catalog.product.v1}: a CloudEvents 1.0 structured-mode JSON event
 * (contracts/events/catalog.Product*.json). Only what the index needs is read; unknown fields
 * are ignored so the producer can add some without breaking search.
 */
sealed interface CatalogEvent {

    String UPSERTED = "emporium.catalog.ProductUpserted";
    String DELETED = "emporium.catalog.ProductDeleted";

    record Upserted(Product product) implements CatalogEvent {
    }

    record Deleted(String id, long version) implements CatalogEvent {
    }

    /** An event type this service does not handle (yet). */
    record Unknown(String type) implements CatalogEvent {
    }

    static CatalogEvent parse(byte[] value) throws MalformedEvent {
        JsonNode event = CloudEvent.read(value);
        String type = CloudEvent.type(event);
        JsonNode data = event.path("data");
        return switch (type) {
            case UPSERTED -> new Upserted(product(data));
            case DELETED -> new Deleted(text(data, "id", 64), version(data));
            default -> new Unknown(type);
        };
    }

    private static Product product(JsonNode data) throws MalformedEvent {
        JsonNode price = data.path("price");
        BigDecimal amount;
        try {
            amount = new BigDecimal(text(price, "amount", 32));
        } catch (NumberFormatException e) {
            throw new MalformedEvent("data.price.amount is not a decimal");
        }
        if (amount.signum() < 0) {
            throw new MalformedEvent("data.price.amount is negative");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        data.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
        JsonNode image = data.path("imageUrl");
        return new Product(text(data, "id", 64), text(data, "sku", 64), text(data, "name", 200),
                data.path("description").asText(""), text(data, "brand", 80), text(data, "category", 80),
                amount, text(price, "currency", 3), image.isTextual() ? image.asText() : null, attributes,
                instant(data.path("createdAt")), version(data));
    }

    private static String text(JsonNode node, String field, int maxLength) throws MalformedEvent {
        return CloudEvent.text(node, field, maxLength);
    }

    private static long version(JsonNode data) throws MalformedEvent {
        return CloudEvent.version(data);
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null; // only orders "newest"; not worth dropping the product for
        }
    }
}
