package org.emporium.cart.events;

import java.util.Map;
import java.util.UUID;
import org.emporium.platform.outbox.OutboxEvent;

/**
 * The cart's events on {@code cart.cart.v1}, keyed by cart id: one event per change, appended in
 * the transaction of the change while the cart row is locked, so a consumer reads one cart's
 * events in the order they were committed. {@code version} is the cart's version after the
 * change; it grows by exactly one per event of a cart.
 *
 * <p>Creating a cart publishes nothing (an empty cart is no news), and neither does the expiry
 * job deleting an abandoned cart: no consumer needs it, and a consumer that keeps carts can apply
 * the same 30-day rule to what it holds.
 */
public final class CartEvents {

    public static final String TOPIC = "cart.cart.v1";
    private static final String PREFIX = "emporium.cart.";
    public static final String ITEM_ADDED = PREFIX + "ItemAddedToCart";
    public static final String QUANTITY_CHANGED = PREFIX + "ItemQuantityChanged";
    public static final String ITEM_REMOVED = PREFIX + "ItemRemovedFromCart";
    public static final String CLEARED = PREFIX + "CartCleared";

    private CartEvents() {
    }

    public record ItemAddedToCart(UUID cartId, String sku, int quantity, int lineQuantity, long version,
                                  Map<String, String> options) {
    }

    public record ItemQuantityChanged(UUID cartId, String sku, int quantity, int previousQuantity, long version,
                                      Map<String, String> options) {
    }

    public record ItemRemovedFromCart(UUID cartId, String sku, long version, Map<String, String> options) {
    }

    public record CartCleared(UUID cartId, long version) {
    }

    public static OutboxEvent itemAdded(UUID cartId, String sku, Map<String, String> options, int added,
                                        int lineQuantity, long version) {
        return new OutboxEvent(TOPIC, cartId.toString(), ITEM_ADDED,
                new ItemAddedToCart(cartId, sku, added, lineQuantity, version, options));
    }

    public static OutboxEvent quantityChanged(UUID cartId, String sku, Map<String, String> options, int quantity,
                                              int previous, long version) {
        return new OutboxEvent(TOPIC, cartId.toString(), QUANTITY_CHANGED,
                new ItemQuantityChanged(cartId, sku, quantity, previous, version, options));
    }

    public static OutboxEvent itemRemoved(UUID cartId, String sku, Map<String, String> options, long version) {
        return new OutboxEvent(TOPIC, cartId.toString(), ITEM_REMOVED,
                new ItemRemovedFromCart(cartId, sku, version, options));
    }

    public static OutboxEvent cleared(UUID cartId, long version) {
        return new OutboxEvent(TOPIC, cartId.toString(), CLEARED, new CartCleared(cartId, version));
    }
}
