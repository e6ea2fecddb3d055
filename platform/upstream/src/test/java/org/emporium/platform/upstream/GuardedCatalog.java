package org.emporium.platform.upstream;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The catalog read under the policy cart's and storefront's GuardedCatalog declare for GETs. */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(2500)
@Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 4000,
        abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamRejectedException.class})
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = UpstreamRejectedException.class)
public class GuardedCatalog {

    private final CatalogApi api;
    /** Attempts, retries included: the fault tolerance policy calls the method once per attempt. */
    static final AtomicInteger ATTEMPTS = new AtomicInteger();

    GuardedCatalog(@RestClient CatalogApi api) {
        this.api = api;
    }

    public Uni<CatalogApi.Served> product(String sku) {
        ATTEMPTS.incrementAndGet();
        return api.productBySku(sku).onFailure().transform(f -> Upstreams.classify("catalog", f));
    }
}
