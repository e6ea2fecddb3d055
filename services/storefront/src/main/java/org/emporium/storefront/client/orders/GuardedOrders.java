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
import org.emporium.storefront.client.ReadTimeouts;
import org.jboss.logging.Logger;

/**
 * The orders API under a fault tolerance policy. Placing an order is not retried here: the
 * shopper's form keeps its Idempotency-Key, so the shopper's own retry is safe and cannot order
 * twice. Reading an order is retried once for a connection error or a 5xx. Breakers
 * {@code orders-place} and {@code orders-read}; 404 and 4xx answers don't count. A timeout or an
 * open breaker ends as {@link OrdersUnavailableException}.
 */
@ApplicationScoped
class GuardedOrders {

    private static final Logger LOG = Logger.getLogger(GuardedOrders.class);

    private final OrdersApi api;

    GuardedOrders(@RestClient OrdersApi api) {
        this.api = api;
    }

    @AsynchronousNonBlocking
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {OrderNotFoundException.class, OrderRejectedException.class})
    @CircuitBreakerName("orders-place")
    @Fallback(fallbackMethod = "placeUnavailable",
            skipOn = {OrdersUnavailableException.class, OrderNotFoundException.class, OrderRejectedException.class})
    Uni<OrdersApi.Placed> place(String authorization, String idempotencyKey, PlaceOrder order) {
        return api.place(authorization, idempotencyKey, order)
                .map(placed -> {
                    if (placed == null || !OrderIds.isValid(placed.id())) {
                        throw new OrdersUnavailableException("orders answered without a usable id", null);
                    }
                    return placed;
                })
                .onFailure().transform(GuardedOrders::classify);
    }

    @AsynchronousNonBlocking
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 3500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, OrderNotFoundException.class,
                    OrderRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {OrderNotFoundException.class, OrderRejectedException.class})
    @CircuitBreakerName("orders-read")
    @Fallback(fallbackMethod = "getUnavailable",
            skipOn = {OrdersUnavailableException.class, OrderNotFoundException.class, OrderRejectedException.class})
    Uni<Order> get(String authorization, String id) {
        return api.get(authorization, id).onFailure().transform(GuardedOrders::classify);
    }

    /** The caller's orders: read like {@link #get}, breaker {@code orders-list}. */
    @AsynchronousNonBlocking
    @Timeout(1500)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 3500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, OrderNotFoundException.class,
                    OrderRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = {OrderNotFoundException.class, OrderRejectedException.class})
    @CircuitBreakerName("orders-list")
    @Fallback(fallbackMethod = "mineUnavailable",
            skipOn = {OrdersUnavailableException.class, OrderNotFoundException.class, OrderRejectedException.class})
    Uni<OrderList> mine(String authorization, int page, int size) {
        return api.mine(authorization, page, size).onFailure().transform(GuardedOrders::classify);
    }

    Uni<OrderList> mineUnavailable(String authorization, int page, int size) {
        return unavailable();
    }

    Uni<OrdersApi.Placed> placeUnavailable(String authorization, String idempotencyKey, PlaceOrder order) {
        return unavailable();
    }

    Uni<Order> getUnavailable(String authorization, String id) {
        return unavailable();
    }

    private static <T> Uni<T> unavailable() {
        return Uni.createFrom().failure(new OrdersUnavailableException("orders unavailable (timeout or open circuit)", null));
    }

    /** A read timeout becomes a {@link TimeoutException} (not retried), anything unexpected an unavailability. */
    static Throwable classify(Throwable failure) {
        if (failure instanceof OrdersUnavailableException || failure instanceof OrderNotFoundException
                || failure instanceof OrderRejectedException || failure instanceof TimeoutException) {
            return failure;
        }
        if (ReadTimeouts.causedBy(failure)) {
            return new TimeoutException("orders did not answer in time");
        }
        // the exception's type only: a message could quote the request
        LOG.debugf("orders call failed: %s", failure.getClass().getName());
        return new OrdersUnavailableException("orders unreachable: " + failure.getClass().getSimpleName(), failure);
    }
}
