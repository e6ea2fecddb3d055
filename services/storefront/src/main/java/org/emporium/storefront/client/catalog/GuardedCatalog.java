package org.emporium.storefront.client.catalog;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
import org.jboss.logging.Logger;

/**
 * The catalog API under a fault tolerance policy, declared once for the class. Every call is
 * bounded in time; GETs are retried a little, with jitter so many storefront instances don't retry
 * in lock step; a circuit breaker per call stops sending requests to a catalog that keeps failing.
 * Whatever goes wrong surfaces as {@link UpstreamUnavailableException} (or
 * {@link UpstreamRejectedException}); a 404 is an empty result, not an error.
 *
 * <p>Order (outermost first): fallback, retry, circuit breaker, timeout, so each attempt counts
 * toward the breaker, and an open breaker answers at once without waiting for a retry delay.
 * A read timeout is not retried: a slow catalog gets no extra load from us.
 *
 * <p>The values here are defaults; each can be changed without a rebuild, for the class
 * ({@code quarkus.fault-tolerance."org.emporium.storefront.client.catalog.GuardedCatalog".retry.max-retries=1})
 * or one call ({@code …GuardedCatalog/product".retry.max-retries=1}).
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(2500)
@Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 4000,
        abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamRejectedException.class})
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = UpstreamRejectedException.class)
class GuardedCatalog {

    static final String CATALOG = "catalog";
    private static final Logger LOG = Logger.getLogger(GuardedCatalog.class);

    private final CatalogApi api;
    private final KnownCategories known;

    GuardedCatalog(@RestClient CatalogApi api, KnownCategories known) {
        this.api = api;
        this.known = known;
    }

    @CircuitBreakerName("catalog-categories")
    @Fallback(fallbackMethod = "lastKnownCategories", skipOn = UpstreamRejectedException.class)
    Uni<List<Category>> categories() {
        return api.categories()
                .map(CategoryList::items)
                .invoke(known::remember)
                .onFailure().transform(f -> Upstreams.classify(CATALOG, f));
    }

    @CircuitBreakerName("catalog-product")
    @Fallback(fallbackMethod = "productUnavailable",
            skipOn = {UpstreamUnavailableException.class, UpstreamRejectedException.class})
    Uni<Optional<Product>> product(String sku) {
        return api.productBySku(sku)
                .map(Optional::of)
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(Optional.empty())
                .onFailure().transform(f -> Upstreams.classify(CATALOG, f));
    }

    @CircuitBreakerName("catalog-listing")
    @Fallback(fallbackMethod = "listingUnavailable",
            skipOn = {UpstreamUnavailableException.class, UpstreamRejectedException.class})
    Uni<ProductPage> products(ProductQuery query) {
        return api.products(query.category(), query.page(), query.size(), query.sort())
                .onFailure(UpstreamNotFoundException.class)
                .recoverWithItem(() -> new ProductPage(List.of(), query.page(), query.size(), 0))
                .onFailure().transform(f -> Upstreams.classify(CATALOG, f));
    }

    // --- fallbacks: reached on timeout, open breaker or exhausted retries; private, so the class's
    // policy doesn't apply to them ---------------------------------------------------------------

    private Uni<List<Category>> lastKnownCategories() {
        List<Category> categories = known.get();
        if (categories.isEmpty()) {
            return Uni.createFrom().failure(new UpstreamUnavailableException(CATALOG,
                    "catalog unavailable, no categories known yet", null));
        }
        LOG.warn("catalog unavailable; serving the last known category list");
        return Uni.createFrom().item(categories);
    }

    private Uni<Optional<Product>> productUnavailable(String sku) {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen(CATALOG));
    }

    private Uni<ProductPage> listingUnavailable(ProductQuery query) {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen(CATALOG));
    }
}
