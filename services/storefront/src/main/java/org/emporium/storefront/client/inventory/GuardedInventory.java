package org.emporium.storefront.client.inventory;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.platform.upstream.UpstreamException;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;

/**
 * The stock read under a tight policy, declared for the class: stock is an extra on the product
 * page, so 500 ms and no retry, and a breaker ({@code inventory-stock}; 4xx answers don't count).
 * Any failure ends as {@link UpstreamUnavailableException}, a SKU inventory doesn't track as
 * {@link UpstreamNotFoundException}; {@link InventoryClient} turns both into "say nothing".
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(500)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = UpstreamNotFoundException.class)
class GuardedInventory {

    static final String INVENTORY = "inventory";

    private final InventoryApi api;

    GuardedInventory(@RestClient InventoryApi api) {
        this.api = api;
    }

    @CircuitBreakerName("inventory-stock")
    @Fallback(fallbackMethod = "stockUnknown", skipOn = UpstreamException.class)
    Uni<InventoryApi.StockLevel> stock(String sku) {
        return api.stock(sku).onFailure().transform(f -> Upstreams.classify(INVENTORY, f));
    }

    /** Reached on timeout or open breaker; private, so the class's policy doesn't apply to it. */
    private Uni<InventoryApi.StockLevel> stockUnknown(String sku) {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen(INVENTORY));
    }
}
