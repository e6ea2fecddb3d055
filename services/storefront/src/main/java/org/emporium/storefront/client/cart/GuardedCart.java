package org.emporium.storefront.client.cart;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
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
 * The cart API under a fault tolerance policy. Only the read ({@code GET}) is retried, once, for a
 * connection error or a 5xx: a change ({@code POST}, {@code PUT}, {@code DELETE}) is never retried,
 * since the first attempt may have been applied (adding twice would add two). Reads and changes
 * have their own breakers ({@code cart-read}, {@code cart-create}, {@code cart-add}, {@code cart-change},
 * {@code cart-remove}); 404 and 4xx answers don't count.
 * A timeout or an open breaker ends as {@link CartUnavailableException}.
 *
 * <p>Each value can be changed without a rebuild, e.g.
 * {@code quarkus.fault-tolerance."org.emporium.storefront.client.cart.GuardedCart/get".timeout.value=800}.
 */
@ApplicationScoped
class GuardedCart {

    private static final Logger LOG = Logger.getLogger(GuardedCart.class);

    private final CartApi api;

    GuardedCart(@RestClient CartApi api) {
        this.api = api;
    }

    @AsynchronousNonBlocking
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 2500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, CartNotFoundException.class,
                    CartRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {CartNotFoundException.class, CartRejectedException.class})
    @CircuitBreakerName("cart-read")
    @Fallback(fallbackMethod = "cartUnavailable",
            skipOn = {CartUnavailableException.class, CartNotFoundException.class, CartRejectedException.class})
    Uni<Cart> get(String authorization, String id) {
        return api.get(authorization, id).onFailure().transform(GuardedCart::classify);
    }

    @AsynchronousNonBlocking
    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {CartNotFoundException.class, CartRejectedException.class})
    @CircuitBreakerName("cart-create")
    @Fallback(fallbackMethod = "createUnavailable",
            skipOn = {CartUnavailableException.class, CartNotFoundException.class, CartRejectedException.class})
    Uni<String> create(String authorization) {
        return api.create(authorization)
                .map(ref -> {
                    if (ref == null || !CartIds.isValid(ref.id())) {
                        throw new CartUnavailableException("cart answered without a usable id", null);
                    }
                    return ref.id();
                })
                .onFailure().transform(GuardedCart::classify);
    }

    @AsynchronousNonBlocking
    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {CartNotFoundException.class, CartRejectedException.class})
    @CircuitBreakerName("cart-add")
    @Fallback(fallbackMethod = "changeUnavailable",
            skipOn = {CartUnavailableException.class, CartNotFoundException.class, CartRejectedException.class})
    Uni<Void> add(String authorization, String id, String sku, int quantity) {
        return api.add(authorization, id, new CartApi.ItemRequest(sku, quantity)).map(GuardedCart::done)
                .onFailure().transform(GuardedCart::classify);
    }

    @AsynchronousNonBlocking
    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {CartNotFoundException.class, CartRejectedException.class})
    @CircuitBreakerName("cart-change")
    @Fallback(fallbackMethod = "quantityUnavailable",
            skipOn = {CartUnavailableException.class, CartNotFoundException.class, CartRejectedException.class})
    Uni<Void> change(String authorization, String id, String sku, int quantity) {
        return api.change(authorization, id, sku, new CartApi.QuantityRequest(quantity)).map(GuardedCart::done)
                .onFailure().transform(GuardedCart::classify);
    }

    @AsynchronousNonBlocking
    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {CartNotFoundException.class, CartRejectedException.class})
    @CircuitBreakerName("cart-remove")
    @Fallback(fallbackMethod = "removeUnavailable",
            skipOn = {CartUnavailableException.class, CartNotFoundException.class, CartRejectedException.class})
    Uni<Void> remove(String authorization, String id, String sku) {
        return api.remove(authorization, id, sku).map(GuardedCart::done)
                .onFailure().transform(GuardedCart::classify);
    }

    /** The caller's latest open cart (404: none). Read like {@link #get}. */
    @AsynchronousNonBlocking
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 2500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, CartNotFoundException.class,
                    CartRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {CartNotFoundException.class, CartRejectedException.class})
    @CircuitBreakerName("cart-mine")
    @Fallback(fallbackMethod = "mineUnavailable",
            skipOn = {CartUnavailableException.class, CartNotFoundException.class, CartRejectedException.class})
    Uni<Cart> mine(String authorization) {
        return api.mine(authorization).onFailure().transform(GuardedCart::classify);
    }

    /** Merges a guest cart into the caller's; idempotent on the cart service's side, yet not retried here. */
    @AsynchronousNonBlocking
    @Timeout(1500)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {CartNotFoundException.class, CartRejectedException.class})
    @CircuitBreakerName("cart-merge")
    @Fallback(fallbackMethod = "mergeUnavailable",
            skipOn = {CartUnavailableException.class, CartNotFoundException.class, CartRejectedException.class})
    Uni<Cart> merge(String authorization, String guestCartId) {
        return api.merge(authorization, new CartApi.MergeRequest(guestCartId)).onFailure().transform(GuardedCart::classify);
    }

    // --- fallbacks: reached on timeout or open breaker ----------------------------------------------

    Uni<Cart> cartUnavailable(String authorization, String id) {
        return unavailable();
    }

    Uni<String> createUnavailable(String authorization) {
        return unavailable();
    }

    Uni<Void> changeUnavailable(String authorization, String id, String sku, int quantity) {
        return unavailable();
    }

    Uni<Void> quantityUnavailable(String authorization, String id, String sku, int quantity) {
        return unavailable();
    }

    Uni<Void> removeUnavailable(String authorization, String id, String sku) {
        return unavailable();
    }

    Uni<Cart> mineUnavailable(String authorization) {
        return unavailable();
    }

    Uni<Cart> mergeUnavailable(String authorization, String guestCartId) {
        return unavailable();
    }

    private static <T> Uni<T> unavailable() {
        return Uni.createFrom().failure(new CartUnavailableException("cart unavailable (timeout or open circuit)", null));
    }

    private static Void done(Response response) {
        response.close();
        return null;
    }

    /** A read timeout becomes a {@link TimeoutException} (not retried), anything unexpected an unavailability. */
    static Throwable classify(Throwable failure) {
        if (failure instanceof CartUnavailableException || failure instanceof CartNotFoundException
                || failure instanceof CartRejectedException || failure instanceof TimeoutException) {
            return failure;
        }
        if (ReadTimeouts.causedBy(failure)) {
            return new TimeoutException("cart did not answer in time");
        }
        LOG.debugf("cart call failed: %s", failure);
        return new CartUnavailableException("cart unreachable: " + failure.getClass().getSimpleName(), failure);
    }
}
