package org.emporium.storefront.client.inventory;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The stock read under a tight policy: stock is an extra on the product page, so 500 ms and no
 * retry, and a breaker ({@code inventory-stock}; 4xx answers don't count). Any failure ends as
 * {@link InventoryApi.StockUnknownException}; {@link InventoryClient} turns it into "say nothing".
 */
@ApplicationScoped
class GuardedInventory {

    private final InventoryApi api;

    GuardedInventory(@RestClient InventoryApi api) {
        this.api = api;
    }

    @AsynchronousNonBlocking
    @Timeout(500)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = InventoryApi.StockNotTrackedException.class)
    @CircuitBreakerName("inventory-stock")
    @Fallback(fallbackMethod = "stockUnknown", skipOn = InventoryApi.StockUnknownException.class)
    Uni<InventoryApi.StockLevel> stock(String sku) {
        return api.stock(sku).onFailure(f -> !(f instanceof InventoryApi.StockUnknownException))
                .transform(f -> new InventoryApi.StockUnknownException("inventory unreachable: " + f.getClass().getSimpleName()));
    }

    Uni<InventoryApi.StockLevel> stockUnknown(String sku) {
        return Uni.createFrom().failure(new InventoryApi.StockUnknownException("inventory unavailable (timeout or open circuit)"));
    }
}
