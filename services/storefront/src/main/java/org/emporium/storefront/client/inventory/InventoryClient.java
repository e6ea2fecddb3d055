package org.emporium.storefront.client.inventory;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.ExpiringCache;
import org.jboss.logging.Logger;

/** Stock for the product page, cached for a few seconds per SKU; never fails (empty = say nothing). */
@ApplicationScoped
public class InventoryClient {

    private static final Logger LOG = Logger.getLogger(InventoryClient.class);

    private final GuardedInventory inventory;
    private final ExpiringCache<String, InventoryApi.StockLevel> levels;

    InventoryClient(GuardedInventory inventory,
                    @ConfigProperty(name = "storefront.cache.stock-ttl") Duration ttl,
                    @ConfigProperty(name = "storefront.cache.stock-size") long size) {
        this.inventory = inventory;
        this.levels = new ExpiringCache<>(ttl, size);
    }

    /** Units available for {@code sku}, or empty when inventory doesn't know it or can't answer. */
    public Uni<Optional<Integer>> available(String sku) {
        return stock(sku)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("no stock for %s: %s", sku, failure.getMessage());
                    return Optional.empty();
                });
    }

    /**
     * Units available for {@code sku}; empty when inventory doesn't track it. Unlike {@link #available},
     * fails ({@link UpstreamUnavailableException}) when inventory can't answer: for the mobile
     * API, which tells its client that stock is missing rather than unknown.
     */
    public Uni<Optional<Integer>> stock(String sku) {
        return levels.get(sku, inventory::stock)
                .map(level -> Optional.of(Math.max(0, level.available())))
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(Optional.empty());
    }

    public void invalidateCaches() {
        levels.invalidateAll();
    }
}
