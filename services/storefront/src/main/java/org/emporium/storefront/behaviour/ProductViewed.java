package org.emporium.storefront.behaviour;

import java.time.Instant;
import java.util.UUID;
import org.emporium.storefront.client.cart.CartIds;

/**
 * The {@code ProductViewed} event as contracts/events/storefront.ProductViewed.json describes it:
 * a CloudEvent 1.0 in structured JSON mode. {@code cartId} is always written, null when the shopper
 * has no cart (or a cookie that isn't a cart service id: the contract says UUID).
 */
record ProductViewed(String specversion, String id, String source, String type, String subject, String time,
                     String datacontenttype, Data data) {

    static final String SOURCE = "/emporium/storefront";
    static final String TYPE = "emporium.storefront.ProductViewed";

    record Data(String shopperId, String cartId, String sku, String channel, String viewedAt) {
    }

    static ProductViewed of(String shopperId, String cartId, String sku, String channel, Instant at) {
        String time = at.toString();
        return new ProductViewed("1.0", UUID.randomUUID().toString(), SOURCE, TYPE, shopperId, time, "application/json",
                new Data(shopperId, CartIds.uuidOrNull(cartId), sku, channel, time));
    }
}
