package org.emporium.cart.client;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;

/**
 * The catalog under the storefront's fault tolerance policy (outermost first: fallback, retry,
 * circuit breaker, timeout): bounded in time, retried a little with jitter, a breaker that stops
 * calling a catalog that keeps failing. Whatever goes wrong surfaces as
 * {@link UpstreamUnavailableException} (or {@link UpstreamRejectedException}); a 404 is an empty
 * result. The policy is the class's; values can be changed without a rebuild, e.g.
 * {@code quarkus.fault-tolerance."org.emporium.cart.client.GuardedCatalog".retry.max-retries=1}.
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(2500)
@Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 4000,
        abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamRejectedException.class})
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = UpstreamRejectedException.class)
public class GuardedCatalog {

    private final CatalogApi api;

    GuardedCatalog(@RestClient CatalogApi api) {
        this.api = api;
    }

    @CircuitBreakerName("catalog-product")
    @Fallback(fallbackMethod = "productUnavailable",
            skipOn = {UpstreamUnavailableException.class, UpstreamRejectedException.class})
    public Uni<Optional<Product>> product(String sku) {
        return api.productBySku(sku)
                .map(Optional::of)
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(Optional.empty())
                .onFailure().transform(f -> Upstreams.classify("catalog", f));
    }

    /** Reached on timeout or open circuit; private, so the class's policy doesn't apply to it. */
    private Uni<Optional<Product>> productUnavailable(String sku) {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen("catalog"));
    }
}
