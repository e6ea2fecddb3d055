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
import org.emporium.platform.upstream.UpstreamException;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;

/**
 * The cart API under a fault tolerance policy, declared once for the class: 1.5 s per call and a
 * breaker per call ({@code cart-read}, {@code cart-create}, {@code cart-add}, {@code cart-change},
 * {@code cart-remove}, {@code cart-mine}, {@code cart-merge}); 404 and 4xx answers don't count.
 * Only the reads ({@code GET}) say more: 1 s, and one retry for a connection error or a 5xx. A
 * change ({@code POST}, {@code PUT}, {@code DELETE}) is never retried, since the first attempt may
 * have been applied (adding twice would add two). A timeout or an open breaker ends as
 * {@link UpstreamUnavailableException}.
 *
 * <p>Each value can be changed without a rebuild, for the class
 * ({@code quarkus.fault-tolerance."org.emporium.storefront.client.cart.GuardedCart".timeout.value=800})
 * or one call ({@code …GuardedCart/get".timeout.value=800}).
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(1500)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = {UpstreamNotFoundException.class, UpstreamRejectedException.class})
class GuardedCart {

    static final String CART = "cart";

    private final CartApi api;

    GuardedCart(@RestClient CartApi api) {
        this.api = api;
    }

    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 2500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamNotFoundException.class,
                    UpstreamRejectedException.class})
    @CircuitBreakerName("cart-read")
    @Fallback(fallbackMethod = "cartUnavailable", skipOn = UpstreamException.class)
    Uni<Cart> get(String authorization, String id) {
        return api.get(authorization, id).onFailure().transform(GuardedCart::classify);
    }

    @CircuitBreakerName("cart-create")
    @Fallback(fallbackMethod = "createUnavailable", skipOn = UpstreamException.class)
    Uni<String> create(String authorization) {
        return api.create(authorization)
                .map(ref -> {
                    if (ref == null || !CartIds.isValid(ref.id())) {
                        throw new UpstreamUnavailableException(CART, "cart answered without a usable id", null);
                    }
                    return ref.id();
                })
                .onFailure().transform(GuardedCart::classify);
    }

    @CircuitBreakerName("cart-add")
    @Fallback(fallbackMethod = "changeUnavailable", skipOn = UpstreamException.class)
    Uni<Void> add(String authorization, String id, LineKey line, int quantity) {
        return api.add(authorization, id, new CartApi.ItemRequest(line.sku(), quantity, line.options())).map(GuardedCart::done)
                .onFailure().transform(GuardedCart::classify);
    }

    @CircuitBreakerName("cart-change")
    @Fallback(fallbackMethod = "quantityUnavailable", skipOn = UpstreamException.class)
    Uni<Void> change(String authorization, String id, LineKey line, int quantity) {
        return api.change(authorization, id, line.sku(), line.query(), new CartApi.QuantityRequest(quantity)).map(GuardedCart::done)
                .onFailure().transform(GuardedCart::classify);
    }

    @CircuitBreakerName("cart-remove")
    @Fallback(fallbackMethod = "removeUnavailable", skipOn = UpstreamException.class)
    Uni<Void> remove(String authorization, String id, LineKey line) {
        return api.remove(authorization, id, line.sku(), line.query()).map(GuardedCart::done)
                .onFailure().transform(GuardedCart::classify);
    }

    /** The caller's latest open cart (404: none). Read like {@link #get}. */
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 2500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamNotFoundException.class,
                    UpstreamRejectedException.class})
    @CircuitBreakerName("cart-mine")
    @Fallback(fallbackMethod = "mineUnavailable", skipOn = UpstreamException.class)
    Uni<Cart> mine(String authorization) {
        return api.mine(authorization).onFailure().transform(GuardedCart::classify);
    }

    /** Merges a guest cart into the caller's; idempotent on the cart service's side, yet not retried here. */
    @CircuitBreakerName("cart-merge")
    @Fallback(fallbackMethod = "mergeUnavailable", skipOn = UpstreamException.class)
    Uni<Cart> merge(String authorization, String guestCartId) {
        return api.merge(authorization, new CartApi.MergeRequest(guestCartId)).onFailure().transform(GuardedCart::classify);
    }

    // --- fallbacks: reached on timeout or open breaker; private, so the class's policy doesn't apply to them

    private Uni<Cart> cartUnavailable(String authorization, String id) {
        return unavailable();
    }

    private Uni<String> createUnavailable(String authorization) {
        return unavailable();
    }

    private Uni<Void> changeUnavailable(String authorization, String id, LineKey line, int quantity) {
        return unavailable();
    }

    private Uni<Void> quantityUnavailable(String authorization, String id, LineKey line, int quantity) {
        return unavailable();
    }

    private Uni<Void> removeUnavailable(String authorization, String id, LineKey line) {
        return unavailable();
    }

    private Uni<Cart> mineUnavailable(String authorization) {
        return unavailable();
    }

    private Uni<Cart> mergeUnavailable(String authorization, String guestCartId) {
        return unavailable();
    }

    private static <T> Uni<T> unavailable() {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen(CART));
    }

    private static Void done(Response response) {
        response.close();
        return null;
    }

    private static Throwable classify(Throwable failure) {
        return Upstreams.classify(CART, failure);
    }
}
