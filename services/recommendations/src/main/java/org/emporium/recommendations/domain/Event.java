package org.emporium.recommendations.domain;

import java.util.List;

/**
 * What the model learns from: the parts of the shop's events it uses, already parsed. Every event
 * carries its CloudEvent {@code id} (duplicates are dropped by it) and its time in epoch
 * milliseconds (the event's own time, never the wall clock, so a replay builds the same model).
 */
public sealed interface Event {

    String id();

    long time();

    /** catalog.ProductUpserted: the product as it now is. */
    record ProductUpserted(String id, long time, String productId, long version, Product product) implements Event {
    }

    /** catalog.ProductDeleted. */
    record ProductDeleted(String id, long time, String productId, String sku, long version) implements Event {
    }

    /** inventory.StockLevelChanged: the SKU's whole current level. */
    record StockChanged(String id, long time, String sku, int available, long version) implements Event {
    }

    /** cart.ItemAddedToCart: the "cart" signal, and the SKU is now in the cart. */
    record ItemAdded(String id, long time, String cartId, String sku) implements Event {
    }

    /** cart.ItemQuantityChanged: the SKU is (still) in the cart; not a signal. */
    record QuantityChanged(String id, long time, String cartId, String sku) implements Event {
    }

    /** cart.ItemRemovedFromCart. */
    record ItemRemoved(String id, long time, String cartId, String sku) implements Event {
    }

    /** cart.CartCleared. */
    record CartCleared(String id, long time, String cartId) implements Event {
    }

    /** orders.OrderPlaced: only which cart the order came from. */
    record OrderPlaced(String id, long time, String orderId, String cartId) implements Event {
    }

    /** orders.OrderConfirmed: the "order" signal; its SKUs were bought together. */
    record OrderConfirmed(String id, long time, String orderId, List<String> skus) implements Event {
    }

    /** storefront.ProductViewed: the "view" signal; also ties a cart to its shopper. */
    record ProductViewed(String id, long time, String shopperId, String cartId, String sku) implements Event {
    }
}
