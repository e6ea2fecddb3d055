package org.emporium.storefront.client.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;

/**
 * Checkout and the order page's view of the orders service: place an order (with the form's
 * Idempotency-Key), read one, and follow one live. Nothing is cached: an order changes on its own.
 */
@ApplicationScoped
public class OrdersClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GuardedOrders orders;
    private final OrderEventsApi events;
    private final Duration quietLimit;

    OrdersClient(GuardedOrders orders, @RestClient OrderEventsApi events,
                 @ConfigProperty(name = "storefront.orders.events-quiet-limit", defaultValue = "150s") Duration quietLimit) {
        this.orders = orders;
        this.events = events;
        this.quietLimit = quietLimit;
    }

    /**
     * Places the order; answers its id. {@link UpstreamRejectedException} (400 fields, 422),
     * {@link UpstreamNotFoundException} (no such cart), {@link UpstreamUnavailableException}.
     */
    public Uni<String> place(String authorization, String idempotencyKey, PlaceOrder order) {
        return orders.place(authorization, idempotencyKey, order).map(OrdersApi.Placed::id);
    }

    /** The order; {@link UpstreamNotFoundException} if unknown, {@link UpstreamUnavailableException} if orders can't answer. */
    public Uni<Order> order(String authorization, String id) {
        return orders.get(authorization, id);
    }

    /**
     * The signed-in caller's orders, a page of them; {@link UpstreamRejectedException} with 401 when the
     * orders service doesn't accept the token, {@link UpstreamUnavailableException} when it can't answer.
     */
    public Uni<OrderList> mine(String authorization, int page, int size) {
        return orders.mine(authorization, page, size);
    }

    /**
     * The order now and at each change of its status, completing at CONFIRMED or CANCELLED (or at
     * the orders service's own limit). Fails when the stream can't be had or stays quiet longer
     * than {@code storefront.orders.events-quiet-limit}.
     */
    public Multi<Order> follow(String authorization, String id) {
        return Multi.createFrom().deferred(() -> events.events(authorization, id))
                .map(OrdersClient::parse)
                .ifNoItem().after(quietLimit).failWith(() -> new UpstreamUnavailableException(GuardedOrders.ORDERS, "order events stayed quiet", null))
                // no policy of its own (a stream isn't retried or timed out as a call), but the same shape of failure
                .onFailure().transform(f -> Upstreams.classify(GuardedOrders.ORDERS, f));
    }

    /** 422 "Empty cart": there is nothing to order. */
    public static boolean emptyCart(UpstreamRejectedException refusal) {
        return refusal.status() == 422 && "Empty cart".equalsIgnoreCase(refusal.title());
    }

    private static Order parse(String data) {
        try {
            return JSON.readValue(data, Order.class);
        } catch (JsonProcessingException e) {
            throw new UpstreamUnavailableException(GuardedOrders.ORDERS, "an order event that isn't an order", null);
        }
    }
}
