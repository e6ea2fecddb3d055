package org.emporium.cart.client;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;

/**
 * Inventory under the same policy as {@link GuardedCatalog}, declared for the class. Answers the units available per
 * SKU; a SKU inventory does not know has none available.
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(2500)
@Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 4000,
        abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamRejectedException.class})
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = UpstreamRejectedException.class)
public class GuardedInventory {

    private final InventoryApi api;

    GuardedInventory(@RestClient InventoryApi api) {
        this.api = api;
    }

    @CircuitBreakerName("inventory-stock")
    @Fallback(fallbackMethod = "availableUnavailable",
            skipOn = {UpstreamUnavailableException.class, UpstreamRejectedException.class})
    public Uni<Map<String, Integer>> available(Collection<String> skus) {
        return api.stock(String.join(",", skus))
                .map(list -> {
                    Map<String, Integer> available = new HashMap<>();
                    list.unknown().forEach(sku -> available.put(sku, 0));
                    list.items().forEach(item -> available.put(item.sku(), item.available()));
                    return available;
                })
                .onFailure().transform(f -> Upstreams.classify("inventory", f));
    }

    /** Reached on timeout or open circuit; private, so the class's policy doesn't apply to it. */
    private Uni<Map<String, Integer>> availableUnavailable(Collection<String> skus) {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen("inventory"));
    }
}
