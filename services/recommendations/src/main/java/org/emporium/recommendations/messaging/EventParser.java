package org.emporium.recommendations.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.emporium.platform.messaging.Envelope;
import org.emporium.platform.messaging.Fields;
import org.emporium.platform.messaging.MalformedEvent;
import org.emporium.recommendations.domain.Event;
import org.emporium.recommendations.domain.Product;

/**
 * Maps the events of the input topics (contracts/events/*.json) to the model's {@link Event}s,
 * keeping only the fields the model uses.
 */
public final class EventParser {

    private static final Set<String> USED = Set.of("emporium.catalog.ProductUpserted",
            "emporium.catalog.ProductDeleted", "emporium.inventory.StockLevelChanged", "emporium.cart.ItemAddedToCart",
            "emporium.cart.ItemQuantityChanged", "emporium.cart.ItemRemovedFromCart", "emporium.cart.CartCleared",
            "emporium.orders.OrderPlaced", "emporium.orders.OrderConfirmed", "emporium.storefront.ProductViewed");
    private static final Pattern AMOUNT = Pattern.compile("^[0-9]{1,15}\\.[0-9]{2}$");
    private static final int MAX_SKU = 64;
    private static final int MAX_ID = 80;
    private static final int MAX_ATTRIBUTES = 32;
    private static final int MAX_ATTRIBUTE = 200;

    private EventParser() {
    }

    /** An event's type and, if the model uses that type, the event; null event for the others. */
    public record Parsed(String type, Event event) {
    }

    public static Parsed parse(Envelope envelope) throws MalformedEvent {
        String type = envelope.type();
        if (!USED.contains(type)) { // OrderCancelled, reservations, types added later
            return new Parsed(type.substring(0, Math.min(type.length(), 100)), null);
        }
        Fields event = envelope.attributes();
        String id = event.text("id", MAX_ID);
        Fields data = envelope.data();
        Event parsed = switch (type) {
            case "emporium.catalog.ProductUpserted" -> {
                Fields price = data.object("price");
                String sku = data.text("sku", MAX_SKU);
                yield new Event.ProductUpserted(id, time(event, "time"), data.text("id", MAX_ID), data.version(),
                        new Product(sku, data.text("name", 400), data.text("brand", 200),
                                data.text("category", 200), amount(price), price.text("currency", 3),
                                data.optionalText("imageUrl"), attributes(data)));
            }
            case "emporium.catalog.ProductDeleted" -> new Event.ProductDeleted(id, time(event, "time"),
                    data.text("id", MAX_ID), data.text("sku", MAX_SKU), data.version());
            case "emporium.inventory.StockLevelChanged" -> new Event.StockChanged(id, time(event, "time"),
                    data.text("sku", MAX_SKU), (int) Math.min(data.integer("available", 0), Integer.MAX_VALUE),
                    data.version());
            case "emporium.cart.ItemAddedToCart" -> new Event.ItemAdded(id, time(event, "time"),
                    data.text("cartId", MAX_ID), data.text("sku", MAX_SKU));
            case "emporium.cart.ItemQuantityChanged" -> new Event.QuantityChanged(id, time(event, "time"),
                    data.text("cartId", MAX_ID), data.text("sku", MAX_SKU));
            case "emporium.cart.ItemRemovedFromCart" -> new Event.ItemRemoved(id, time(event, "time"),
                    data.text("cartId", MAX_ID), data.text("sku", MAX_SKU));
            case "emporium.cart.CartCleared" -> new Event.CartCleared(id, time(event, "time"),
                    data.text("cartId", MAX_ID));
            case "emporium.orders.OrderPlaced" -> new Event.OrderPlaced(id, time(event, "time"),
                    data.text("orderId", MAX_ID), data.text("cartId", MAX_ID));
            case "emporium.orders.OrderConfirmed" -> new Event.OrderConfirmed(id, time(data, "confirmedAt"),
                    data.text("orderId", MAX_ID), lineSkus(data));
            case "emporium.storefront.ProductViewed" -> {
                String cart = data.optionalText("cartId");
                yield new Event.ProductViewed(id, time(data, "viewedAt"), data.text("shopperId", MAX_ID),
                        cart != null && !cart.isBlank() ? cart : null, data.text("sku", MAX_SKU));
            }
            default -> throw new IllegalStateException("a used type without a reader: " + type);
        };
        return new Parsed(type, parsed);
    }

    /** Decimal text with two decimals, as the contract says; at most 15 digits before the point (fits cents in a long). */
    private static String amount(Fields price) throws MalformedEvent {
        String amount = price.text("amount", 18);
        if (!AMOUNT.matcher(amount).matches()) {
            throw new MalformedEvent("data.price.amount is not a decimal with two decimals: " + amount);
        }
        return amount;
    }

    /**
     * The product's attribute values (name → value), as far as "similar products" compares them: text
     * values only, at most {@value #MAX_ATTRIBUTES} of them and {@value #MAX_ATTRIBUTE} characters
     * each; anything else is left out rather than refusing the product.
     */
    private static Map<String, String> attributes(Fields data) {
        JsonNode attributes = data.node("attributes");
        if (attributes == null || !attributes.isObject()) {
            return Map.of();
        }
        Map<String, String> kept = new HashMap<>();
        for (Map.Entry<String, JsonNode> a : attributes.properties()) {
            String value = a.getValue().isTextual() ? a.getValue().asText() : null;
            if (kept.size() < MAX_ATTRIBUTES && value != null && !value.isBlank() && a.getKey().length() <= MAX_ATTRIBUTE
                    && value.length() <= MAX_ATTRIBUTE) {
                kept.put(a.getKey(), value);
            }
        }
        return kept;
    }

    private static List<String> lineSkus(Fields data) throws MalformedEvent {
        List<String> skus = new ArrayList<>();
        for (Fields line : data.array("lines", 1)) {
            skus.add(line.text("sku", MAX_SKU));
        }
        return skus;
    }

    /** Epoch milliseconds: the model works in the events' own time. */
    private static long time(Fields node, String field) throws MalformedEvent {
        return node.time(field).toEpochMilli();
    }
}
