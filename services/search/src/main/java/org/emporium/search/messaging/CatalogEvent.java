package org.emporium.search.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.Fields;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.search.index.Product;

/**
 * An event of {@code catalog.product.v1} (contracts/events/catalog.Product*.json). Only what the index needs is read; unknown fields
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

    static CatalogEvent of(Envelope event) throws MalformedEvent {
        String type = event.type();
        return switch (type) {
            case UPSERTED -> new Upserted(product(event.data()));
            case DELETED -> new Deleted(event.data().text("id", 64), event.data().version());
            default -> new Unknown(type);
        };
    }

    private static Product product(Fields data) throws MalformedEvent {
        Fields price = data.object("price");
        BigDecimal amount;
        try {
            amount = new BigDecimal(price.text("amount", 32));
        } catch (NumberFormatException e) {
            throw new MalformedEvent("data.price.amount is not a decimal");
        }
        if (amount.signum() < 0) {
            throw new MalformedEvent("data.price.amount is negative");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        data.node("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
        return new Product(data.text("id", 64), data.text("sku", 64), data.text("name", 200),
                data.node("description").asText(""), data.text("brand", 80), data.text("category", 80),
                amount, price.text("currency", 3), data.optionalText("imageUrl"), attributes,
                instant(data.node("createdAt")), data.version());
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null; // only orders "newest"; not worth dropping the product for
        }
    }
}
