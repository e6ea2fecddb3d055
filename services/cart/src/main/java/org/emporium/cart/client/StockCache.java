package org.emporium.cart.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.ExpiringCache;

/**
 * Units available per SKU, each kept for a moment after inventory gave it. Every change of a cart
 * checks the SKU changed and answers with the availability of every line, so without this each add
 * asked inventory about the whole cart (a 40-line cart: 40 SKUs per add) and read the cart's SKUs
 * first to know what to ask. The cart's stock check is advice to the shopper, as the product page's
 * count is (which the storefront keeps as long): the reservation at checkout is what holds units,
 * and an order for units gone meanwhile is cancelled as out of stock. So a cart may show and check
 * availability at most {@code emporium.cart.stock-cache-ttl} old; the SKUs not kept are asked
 * together in one call.
 */
@ApplicationScoped
public class StockCache {

    private final GuardedInventory inventory;
    private final ExpiringCache<String, Integer> available;

    StockCache(GuardedInventory inventory,
               @ConfigProperty(name = "emporium.cart.stock-cache-ttl") Duration ttl,
               @ConfigProperty(name = "emporium.cart.stock-cache-size") long size) {
        this.inventory = inventory;
        this.available = new ExpiringCache<>(ttl, size);
    }

    /** Units available of each SKU (0 for one inventory does not know); fails as {@link GuardedInventory#available} does. */
    public Uni<Map<String, Integer>> available(Collection<String> skus) {
        return available.getAll(skus, inventory::available);
    }

    /** The same, asked of inventory now whatever is kept; what it answers is kept. */
    public Uni<Map<String, Integer>> fresh(Collection<String> skus) {
        skus.forEach(available::invalidate);
        return available(skus);
    }
}
