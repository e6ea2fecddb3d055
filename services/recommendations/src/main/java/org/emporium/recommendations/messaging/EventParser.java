package org.emporium.recommendations.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.emporium.recommendations.domain.Event;
import org.emporium.recommendations.domain.Product;

/**
 * Reads CloudEvents 1.0 structured-mode JSON records of the input topics (contracts/events/*.json)
 * into the model's {@link Event}s, keeping only the fields the model uses. Written here rather than
 * taken from the outbox module, which would bring a datasource with it.
 */
public final class EventParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> USED = Set.of("emporium.catalog.ProductUpserted",
            "emporium.catalog.ProductDeleted", "emporium.inventory.StockLevelChanged", "emporium.cart.ItemAddedToCart",
            "emporium.cart.ItemQuantityChanged", "emporium.cart.ItemRemovedFromCart", "emporium.cart.CartCleared",
            "emporium.orders.OrderPlaced", "emporium.orders.OrderConfirmed", "emporium.storefront.ProductViewed");
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("^[0-9]{1,15}\\.[0-9]{2}$");
    private static final int MAX_SKU = 64;
    private static final int MAX_ID = 80;

    private EventParser() {
    }

    /** A record's type and, if the model uses that type, the event; null event for the others. */
    public record Parsed(String type, Event event) {
    }

    public static Parsed parse(byte[] value) throws MalformedEvent {
        JsonNode event = read(value);
        String type = event.path("type").asText("");
        if (!USED.contains(type)) { // OrderCancelled, reservations, types added later
            return new Parsed(type.substring(0, Math.min(type.length(), 100)), null);
        }
        String id = text(event, "id", MAX_ID, "");
        JsonNode data = event.path("data");
        Event parsed = switch (type) {
            case "emporium.catalog.ProductUpserted" -> {
                JsonNode price = data.path("price");
                JsonNode image = data.path("imageUrl");
                String sku = text(data, "sku", MAX_SKU);
                yield new Event.ProductUpserted(id, time(event), text(data, "id", MAX_ID), version(data),
                        new Product(sku, text(data, "name", 400), text(data, "brand", 200),
                                text(data, "category", 200), amount(price),
                                text(price, "currency", 3, "data.price."),
                                image.isTextual() ? image.asText() : null));
            }
            case "emporium.catalog.ProductDeleted" -> new Event.ProductDeleted(id, time(event),
                    text(data, "id", MAX_ID), text(data, "sku", MAX_SKU), version(data));
            case "emporium.inventory.StockLevelChanged" -> new Event.StockChanged(id, time(event),
                    text(data, "sku", MAX_SKU), (int) Math.min(integer(data, "available", 0), Integer.MAX_VALUE),
                    version(data));
            case "emporium.cart.ItemAddedToCart" -> new Event.ItemAdded(id, time(event), text(data, "cartId", MAX_ID),
                    text(data, "sku", MAX_SKU));
            case "emporium.cart.ItemQuantityChanged" -> new Event.QuantityChanged(id, time(event),
                    text(data, "cartId", MAX_ID), text(data, "sku", MAX_SKU));
            case "emporium.cart.ItemRemovedFromCart" -> new Event.ItemRemoved(id, time(event),
                    text(data, "cartId", MAX_ID), text(data, "sku", MAX_SKU));
            case "emporium.cart.CartCleared" -> new Event.CartCleared(id, time(event), text(data, "cartId", MAX_ID));
            case "emporium.orders.OrderPlaced" -> new Event.OrderPlaced(id, time(event), text(data, "orderId", MAX_ID),
                    text(data, "cartId", MAX_ID));
            case "emporium.orders.OrderConfirmed" -> new Event.OrderConfirmed(id, time(data, "confirmedAt"),
                    text(data, "orderId", MAX_ID), lineSkus(data));
            case "emporium.storefront.ProductViewed" -> {
                JsonNode cart = data.path("cartId");
                yield new Event.ProductViewed(id, time(data, "viewedAt"), text(data, "shopperId", MAX_ID),
                        cart.isTextual() && !cart.asText().isBlank() ? cart.asText() : null, text(data, "sku", MAX_SKU));
            }
            default -> throw new IllegalStateException("a used type without a reader: " + type);
        };
        return new Parsed(type, parsed);
    }

    /** Decimal text with two decimals, as the contract says; at most 15 digits before the point (fits cents in a long). */
    private static String amount(JsonNode price) throws MalformedEvent {
        String amount = text(price, "amount", 18, "data.price.");
        if (!AMOUNT.matcher(amount).matches()) {
            throw new MalformedEvent("data.price.amount is not a decimal with two decimals: " + amount);
        }
        return amount;
    }

    private static JsonNode read(byte[] value) throws MalformedEvent {
        if (value == null) {
            throw new MalformedEvent("no value (a Kafka tombstone)");
        }
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEvent("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedEvent("not JSON: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new MalformedEvent("not a JSON object");
        }
        if (!"1.0".equals(event.path("specversion").asText())) {
            throw new MalformedEvent("specversion is not 1.0");
        }
        return event;
    }

    private static List<String> lineSkus(JsonNode data) throws MalformedEvent {
        JsonNode lines = data.path("lines");
        if (!lines.isArray() || lines.isEmpty()) {
            throw new MalformedEvent("data.lines is missing or empty");
        }
        List<String> skus = new ArrayList<>(lines.size());
        for (JsonNode line : lines) {
            skus.add(text(line, "sku", MAX_SKU, "data.lines[]."));
        }
        return skus;
    }

    private static long time(JsonNode node, String field) throws MalformedEvent {
        String text = text(node, field, 64);
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("data." + field + " is not a date-time: " + text);
        }
    }

    /** The CloudEvent's own {@code time}. */
    private static long time(JsonNode event) throws MalformedEvent {
        String text = text(event, "time", 64, "");
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("time is not a date-time: " + text);
        }
    }

    private static String text(JsonNode node, String field, int maxLength) throws MalformedEvent {
        return text(node, field, maxLength, "data.");
    }

    private static String text(JsonNode node, String field, int maxLength, String path) throws MalformedEvent {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEvent(path + field + " is missing or not text");
        }
        if (value.asText().length() > maxLength) {
            throw new MalformedEvent(path + field + " is longer than " + maxLength);
        }
        return value.asText();
    }

    private static long integer(JsonNode data, String field, long min) throws MalformedEvent {
        JsonNode value = data.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min) {
            throw new MalformedEvent("data." + field + " is missing or not an integer of at least " + min);
        }
        return value.asLong();
    }

    private static long version(JsonNode data) throws MalformedEvent {
        return integer(data, "version", 1);
    }
}
