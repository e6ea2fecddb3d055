package org.emporium.recommendations.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.emporium.platform.messaging.Envelope;
import org.emporium.recommendations.domain.Event;
import org.emporium.recommendations.domain.Product;

/**
 * The simulated history as the real producers publish it: the same CloudEvents types, sources and
 * data as contracts/events (storefront.ProductViewed, cart.ItemAddedToCart and CartCleared,
 * orders.OrderPlaced and OrderConfirmed), so the model learns them through the same parser as live
 * behaviour. What tells them apart: the topic (only this service's seed topic carries them), the
 * record header {@value #HEADER}, shopper ids with the seed prefix ({@code seed-000042}) and
 * {@code @example.com} addresses. Record timestamps are the events' times, so a replay keeps them
 * in step with the other topics.
 *
 * <p>Stateful: it numbers each cart's versions and keeps its quantities, so one instance converts
 * one history, in order. An order's lines are the SKUs its OrderConfirmed names (the simulated cart
 * may hold more; the cart is cleared after the order).
 */
final class SeedEvents {

    /** The header that marks a seeded record; its value says which simulation made it. */
    static final String HEADER = "emporium-seed";
    static final String VERSION = "shopper-simulator-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI STOREFRONT = URI.create("/emporium/storefront");
    private static final URI CART = URI.create("/emporium/cart");
    private static final URI ORDERS = URI.create("/emporium/orders");

    private final String topic;
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, CartState> carts = new HashMap<>();
    /** Order id → the SKUs bought, from the history's OrderConfirmed events. */
    private final Map<String, List<String>> orderLines = new HashMap<>();
    /** Order id → its data when placed (OrderConfirmed repeats it). */
    private final Map<String, ObjectNode> placed = new HashMap<>();
    /** Cart id → the shopper whose views name it. */
    private final Map<String, String> shoppers = new HashMap<>();

    private static final class CartState {
        long version;
        final Map<String, Integer> lines = new LinkedHashMap<>();
    }

    /** @param history the events to be converted, for the orders' lines */
    SeedEvents(String topic, List<Product> catalog, List<Event> history) {
        this.topic = topic;
        catalog.forEach(p -> products.put(p.sku(), p));
        for (Event event : history) {
            if (event instanceof Event.OrderConfirmed e) {
                orderLines.put(e.orderId(), e.skus());
            }
        }
    }

    /** The record of one simulated event, keyed as its producer keys it. */
    ProducerRecord<String, byte[]> record(Event event) {
        return switch (event) {
            case Event.ProductViewed e -> {
                if (e.cartId() != null) {
                    shoppers.put(e.cartId(), e.shopperId());
                }
                ObjectNode data = JSON.createObjectNode().put("shopperId", e.shopperId()).put("cartId", e.cartId())
                        .put("sku", e.sku()).put("channel", "web").put("viewedAt", Instant.ofEpochMilli(e.time()).toString());
                yield record(STOREFRONT, "emporium.storefront.ProductViewed", e.shopperId(), e.time(), data);
            }
            case Event.ItemAdded e -> {
                CartState cart = carts.computeIfAbsent(e.cartId(), c -> new CartState());
                int quantity = Math.min(99, cart.lines.merge(e.sku(), 1, Integer::sum));
                cart.lines.put(e.sku(), quantity);
                ObjectNode data = JSON.createObjectNode().put("cartId", e.cartId()).put("sku", e.sku())
                        .put("quantity", 1).put("lineQuantity", quantity).put("version", ++cart.version);
                yield record(CART, "emporium.cart.ItemAddedToCart", e.cartId(), e.time(), data);
            }
            case Event.CartCleared e -> {
                CartState cart = carts.computeIfAbsent(e.cartId(), c -> new CartState());
                cart.lines.clear();
                ObjectNode data = JSON.createObjectNode().put("cartId", e.cartId()).put("version", ++cart.version);
                yield record(CART, "emporium.cart.CartCleared", e.cartId(), e.time(), data);
            }
            case Event.OrderPlaced e -> {
                ObjectNode order = order(e.orderId(), e.cartId());
                placed.put(e.orderId(), order.deepCopy());
                order.put("cartId", e.cartId()).put("placedAt", Instant.ofEpochMilli(e.time()).toString());
                yield record(ORDERS, "emporium.orders.OrderPlaced", e.orderId(), e.time(), order);
            }
            case Event.OrderConfirmed e -> {
                ObjectNode order = placed.remove(e.orderId());
                if (order == null) {
                    throw new IllegalArgumentException("order " + e.orderId() + " confirmed before it was placed");
                }
                order.put("last4", "4242").put("confirmedAt", Instant.ofEpochMilli(e.time()).toString());
                yield record(ORDERS, "emporium.orders.OrderConfirmed", e.orderId(), e.time(), order);
            }
            default -> throw new IllegalArgumentException("the simulator does not make " + event.getClass().getSimpleName());
        };
    }

    /** An order's common data (its lines as in the cart, total, a fake address) without the type's own fields. */
    private ObjectNode order(String orderId, String cartId) {
        CartState cart = carts.get(cartId);
        List<String> skus = orderLines.get(orderId);
        if (cart == null || skus == null || skus.isEmpty()) {
            throw new IllegalArgumentException("order " + orderId + " of an empty cart or never confirmed");
        }
        String shopper = shoppers.getOrDefault(cartId, "seed-shopper");
        ObjectNode data = JSON.createObjectNode().put("orderId", orderId).put("email", shopper + "@example.com");
        ArrayNode lines = data.putArray("lines");
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        for (String sku : skus.stream().distinct().limit(50).toList()) {
            Product product = products.get(sku);
            if (product == null) {
                throw new IllegalArgumentException(sku + " is not in the catalog the history was made for");
            }
            int quantity = cart.lines.getOrDefault(sku, 1);
            BigDecimal lineTotal = new BigDecimal(product.amount()).multiply(BigDecimal.valueOf(quantity));
            total = total.add(lineTotal);
            currency = product.currency();
            ObjectNode l = lines.addObject().put("sku", product.sku()).put("name", product.name())
                    .put("quantity", quantity);
            l.putObject("unitPrice").put("amount", product.amount()).put("currency", product.currency());
            l.putObject("lineTotal").put("amount", lineTotal.setScale(2).toPlainString()).put("currency", product.currency());
        }
        data.putObject("total").put("amount", total.setScale(2).toPlainString()).put("currency", currency);
        data.putObject("shippingAddress").put("name", "Seeded Shopper").put("line1", "1 Example Street")
                .putNull("line2").put("city", "Springfield").putNull("region").put("postalCode", "00000")
                .put("country", "US");
        return data;
    }

    private ProducerRecord<String, byte[]> record(URI source, String type, String key, long time, ObjectNode data) {
        byte[] event = Envelope.write(source, type, key, OffsetDateTime.ofInstant(Instant.ofEpochMilli(time), ZoneOffset.UTC),
                data.toString().getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> record = Envelope.record(topic, key, event);
        ProducerRecord<String, byte[]> timed = new ProducerRecord<>(record.topic(), null, time, record.key(),
                record.value(), record.headers());
        timed.headers().add(new RecordHeader(HEADER, VERSION.getBytes(StandardCharsets.UTF_8)));
        return timed;
    }
}
