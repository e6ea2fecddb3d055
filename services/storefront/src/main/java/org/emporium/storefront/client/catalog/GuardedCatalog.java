package org.emporium.storefront.client.catalog;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.storefront.client.ReadTimeouts;
import org.jboss.logging.Logger;

/**
 * The catalog API under a fault tolerance policy. Every call is bounded in time; GETs are retried
 * a little, with jitter so many storefront instances don't retry in lock step; a circuit breaker
 * per call stops sending requests to a catalog that keeps failing. Whatever goes wrong surfaces as
 * {@link CatalogUnavailableException} (or {@link CatalogRejectedException}); a 404 is an empty
 * result, not an error.
 *
 * <p>Order (outermost first): fallback, retry, circuit breaker, timeout, so each attempt counts
 * toward the breaker, and an open breaker answers at once without waiting for a retry delay.
 * A read timeout is not retried: a slow catalog gets no extra load from us.
 *
 * <p>The values here are defaults; each can be changed without a rebuild, for example
 * {@code quarkus.fault-tolerance."org.emporium.storefront.client.catalog.GuardedCatalog/product".retry.max-retries=1}.
 */
@ApplicationScoped
class GuardedCatalog {

    private static final Logger LOG = Logger.getLogger(GuardedCatalog.class);

    private final CatalogApi api;

    /** The last category list the catalog gave us: the nav still renders while the catalog is down. */
    private final AtomicReference<List<Category>> lastKnownCategories = new AtomicReference<>(List.of());

    GuardedCatalog(@RestClient CatalogApi api) {
        this.api = api;
    }

    @AsynchronousNonBlocking
    @Timeout(2500)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 4000,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, CatalogRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CatalogRejectedException.class)
    @CircuitBreakerName("catalog-categories")
    @Fallback(fallbackMethod = "lastKnownCategories", skipOn = CatalogRejectedException.class)
    Uni<List<Category>> categories() {
        return api.categories()
                .map(CategoryList::items)
                .invoke(lastKnownCategories::set)
                .onFailure().transform(GuardedCatalog::classify);
    }

    @AsynchronousNonBlocking
    @Timeout(2500)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 4000,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, CatalogRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CatalogRejectedException.class)
    @CircuitBreakerName("catalog-product")
    @Fallback(fallbackMethod = "productUnavailable", skipOn = CatalogUnavailableException.class)
    Uni<Optional<Product>> product(String sku) {
        return api.productBySku(sku)
                .map(Optional::of)
                .onFailure(CatalogNotFoundException.class).recoverWithItem(Optional.empty())
                .onFailure().transform(GuardedCatalog::classify);
    }

    @AsynchronousNonBlocking
    @Timeout(2500)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 4000,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, CatalogRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = CatalogRejectedException.class)
    @CircuitBreakerName("catalog-listing")
    @Fallback(fallbackMethod = "listingUnavailable", skipOn = CatalogUnavailableException.class)
    Uni<ProductPage> products(ProductQuery query) {
        return api.products(query.category(), query.page(), query.size(), query.sort())
                .onFailure(CatalogNotFoundException.class)
                .recoverWithItem(() -> new ProductPage(List.of(), query.page(), query.size(), 0))
                .onFailure().transform(GuardedCatalog::classify);
    }

    List<Category> knownCategories() {
        return lastKnownCategories.get();
    }

    // --- fallbacks: reached on timeout, open breaker or exhausted retries ----------------------------

    Uni<List<Category>> lastKnownCategories() {
        List<Category> known = lastKnownCategories.get();
        if (known.isEmpty()) {
            return Uni.createFrom().failure(new CatalogUnavailableException("catalog unavailable, no categories known yet", null));
        }
        LOG.warn("catalog unavailable; serving the last known category list");
        return Uni.createFrom().item(known);
    }

    Uni<Optional<Product>> productUnavailable(String sku) {
        return Uni.createFrom().failure(new CatalogUnavailableException("catalog unavailable (timeout or open circuit)", null));
    }

    Uni<ProductPage> listingUnavailable(ProductQuery query) {
        return Uni.createFrom().failure(new CatalogUnavailableException("catalog unavailable (timeout or open circuit)", null));
    }

    /**
     * Maps transport failures to what the policy reacts to: a read timeout becomes a
     * {@link TimeoutException} (not retried), anything else a retryable {@link CatalogUnavailableException}.
     */
    static Throwable classify(Throwable failure) {
        if (failure instanceof CatalogUnavailableException || failure instanceof CatalogNotFoundException
                || failure instanceof TimeoutException) {
            return failure;
        }
        if (ReadTimeouts.causedBy(failure)) {
            return new TimeoutException("catalog did not answer in time");
        }
        LOG.debugf("catalog call failed: %s", failure);
        return new CatalogUnavailableException("catalog unreachable: " + failure.getClass().getSimpleName(), failure);
    }
}
