package org.emporium.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.emporium.recommendations.domain.Product;

/**
 * Events of the input topics as their producers publish them (CloudEvents 1.0, structured JSON),
 * each checked against its schema in contracts/events before it is returned, so the tests feed
 * the service nothing a real producer could not send.
 */
public final class ContractEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractEvents() {
    }

    /** The product id of a SKU (catalog's ids are UUIDs; seeded ones derive from the SKU too). */
    public static String productId(String sku) {
        return UUID.nameUUIDFromBytes(sku.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static byte[] productUpserted(String productId, String sku, String category, String brand, long version) {
        String now = Instant.now().toString();
        ObjectNode data = JSON.createObjectNode().put("id", productId).put("sku", sku).put("name", "Product " + sku)
                .put("description", "A product.").put("brand", brand).put("category", category);
        data.putObject("price").put("amount", "12.00").put("currency", "EUR");
        data.put("imageUrl", "/images/" + sku + ".jpg");
        data.putObject("attributes").put("colour", "blue");
        data.put("createdAt", now).put("updatedAt", now).put("version", version);
        return envelope("catalog", "ProductUpserted", productId, data);
    }

    /** A product as the catalog publishes it, with its name, price and attributes. */
    public static byte[] productUpserted(Product product, long version) {
        String now = Instant.now().toString();
        String id = productId(product.sku());
        ObjectNode data = JSON.createObjectNode().put("id", id).put("sku", product.sku()).put("name", product.name())
                .put("description", "A product.").put("brand", product.brand()).put("category", product.category());
        data.putObject("price").put("amount", product.amount()).put("currency", product.currency());
        data.put("imageUrl", product.imageUrl());
        ObjectNode attributes = data.putObject("attributes");
        product.attributes().forEach(attributes::put);
        data.put("createdAt", now).put("updatedAt", now).put("version", version);
        return envelope("catalog", "ProductUpserted", id, data);
    }

    /**
     * Checks an event against the schema of its type ({@code emporium.cart.ItemAddedToCart} against
     * contracts/events/cart.ItemAddedToCart.json); returns the errors, none when it is valid.
     */
    public static Set<ValidationMessage> validate(byte[] event) {
        try {
            JsonNode node = JSON.readTree(event);
            String type = node.path("type").asText();
            return SCHEMAS.computeIfAbsent(type.substring("emporium.".length()), ContractEvents::schema).validate(node);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    public static byte[] productDeleted(String productId, String sku, long version) {
        ObjectNode data = JSON.createObjectNode().put("id", productId).put("sku", sku).put("version", version);
        return envelope("catalog", "ProductDeleted", productId, data);
    }

    public static byte[] stockLevelChanged(String sku, int available, long version) {
        ObjectNode data = JSON.createObjectNode().put("sku", sku).put("available", available).put("reserved", 1)
                .put("onHand", available + 1).put("version", version);
        return envelope("inventory", "StockLevelChanged", sku, data);
    }

    public static byte[] itemAdded(String cartId, String sku, long version) {
        ObjectNode data = JSON.createObjectNode().put("cartId", cartId).put("sku", sku).put("quantity", 1)
                .put("lineQuantity", 1).put("version", version);
        return envelope("cart", "ItemAddedToCart", cartId, data);
    }

    public static byte[] itemRemoved(String cartId, String sku, long version) {
        ObjectNode data = JSON.createObjectNode().put("cartId", cartId).put("sku", sku).put("version", version);
        return envelope("cart", "ItemRemovedFromCart", cartId, data);
    }

    public static byte[] orderPlaced(String orderId, String cartId, String... skus) {
        ObjectNode data = JSON.createObjectNode().put("orderId", orderId).put("cartId", cartId)
                .put("email", "shopper@example.com");
        order(data, skus);
        data.put("placedAt", Instant.now().toString());
        return envelope("orders", "OrderPlaced", orderId, data);
    }

    public static byte[] orderConfirmed(String orderId, String... skus) {
        ObjectNode data = JSON.createObjectNode().put("orderId", orderId).put("email", "shopper@example.com");
        order(data, skus);
        data.put("last4", "4242").put("confirmedAt", Instant.now().toString());
        return envelope("orders", "OrderConfirmed", orderId, data);
    }

    public static byte[] productViewed(String shopperId, String cartId, String sku) {
        ObjectNode data = JSON.createObjectNode().put("shopperId", shopperId).put("cartId", cartId).put("sku", sku)
                .put("channel", "web").put("viewedAt", Instant.now().toString());
        return envelope("storefront", "ProductViewed", shopperId, data);
    }

    private static void order(ObjectNode data, String... skus) {
        ArrayNode lines = data.putArray("lines");
        for (String sku : skus) {
            ObjectNode line = lines.addObject().put("sku", sku).put("name", "Product " + sku).put("quantity", 1);
            line.putObject("unitPrice").put("amount", "12.00").put("currency", "EUR");
            line.putObject("lineTotal").put("amount", "12.00").put("currency", "EUR");
        }
        data.putObject("total").put("amount", String.format("%d.00", 12 * skus.length)).put("currency", "EUR");
        data.putObject("shippingAddress").put("name", "A Shopper").put("line1", "1 Main Street").putNull("line2")
                .put("city", "Lyon").putNull("region").put("postalCode", "69001").put("country", "FR");
    }

    /** An event of a type the topic does not have; valid CloudEvent, unknown to the service. */
    public static byte[] unknownType(String source) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/emporium/" + source).put("type", "emporium." + source + ".SomethingNew")
                .put("subject", "x").put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.putObject("data").put("what", "ever");
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] envelope(String service, String type, String subject, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0").put("id", UUID.randomUUID().toString()).put("source", "/emporium/" + service)
                .put("type", "emporium." + service + "." + type).put("subject", subject)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.set("data", data);
        Set<ValidationMessage> errors = SCHEMAS.computeIfAbsent(service + "." + type, ContractEvents::schema)
                .validate(event);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(service + "." + type + " does not match its schema: " + errors);
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonSchema schema(String name) {
        Path path = Path.of(System.getProperty("emporium.contracts.dir", "../../contracts"), "events", name + ".json");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(path)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("no schema " + path, e);
        }
    }
}
