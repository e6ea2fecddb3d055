package org.emporium.storefront.client.orders;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
 * The orders API under a fault tolerance policy, declared once for the class: 1.5 s per call and a
 * breaker per call ({@code orders-place}, {@code orders-read}, {@code orders-list}); 404 and 4xx
 * answers don't count. Reads are retried once for a connection error or a 5xx. Placing an order
 * gets 5 s and is not retried here: the shopper's form keeps its Idempotency-Key, so the shopper's
 * own retry is safe and cannot order twice. A timeout or an open breaker ends as
 * {@link UpstreamUnavailableException}.
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(1500)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = {UpstreamNotFoundException.class, UpstreamRejectedException.class})
class GuardedOrders {

    static final String ORDERS = "orders";

    private final OrdersApi api;

    GuardedOrders(@RestClient OrdersApi api) {
        this.api = api;
    }

    @Timeout(5000)
    @CircuitBreakerName("orders-place")
    @Fallback(fallbackMethod = "placeUnavailable", skipOn = UpstreamException.class)
    Uni<OrdersApi.Placed> place(String authorization, String idempotencyKey, PlaceOrder order) {
        return api.place(authorization, idempotencyKey, order)
                .map(placed -> {
                    if (placed == null || !OrderIds.isValid(placed.id())) {
                        throw new UpstreamUnavailableException(ORDERS, "orders answered without a usable id", null);
                    }
                    return placed;
                })
                .onFailure().transform(GuardedOrders::classify);
    }

    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 3500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamNotFoundException.class,
                    UpstreamRejectedException.class})
    @CircuitBreakerName("orders-read")
    @Fallback(fallbackMethod = "getUnavailable", skipOn = UpstreamException.class)
    Uni<Order> get(String authorization, String id) {
        return api.get(authorization, id).onFailure().transform(GuardedOrders::classify);
    }

    /** The caller's orders: read like {@link #get}, breaker {@code orders-list}. */
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 3500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamNotFoundException.class,
                    UpstreamRejectedException.class})
    @CircuitBreakerName("orders-list")
    @Fallback(fallbackMethod = "mineUnavailable", skipOn = UpstreamException.class)
    Uni<OrderList> mine(String authorization, int page, int size) {
        return api.mine(authorization, page, size).onFailure().transform(GuardedOrders::classify);
    }

    // --- fallbacks: reached on timeout or open breaker; private, so the class's policy doesn't apply to them

    private Uni<OrderList> mineUnavailable(String authorization, int page, int size) {
        return unavailable();
    }

    private Uni<OrdersApi.Placed> placeUnavailable(String authorization, String idempotencyKey, PlaceOrder order) {
        return unavailable();
    }

    private Uni<Order> getUnavailable(String authorization, String id) {
        return unavailable();
    }

    private static <T> Uni<T> unavailable() {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen(ORDERS));
    }

    private static Throwable classify(Throwable failure) {
        return Upstreams.classify(ORDERS, failure);
    }
}
