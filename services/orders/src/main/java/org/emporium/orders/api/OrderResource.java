package org.emporium.orders.api;

import io.smallrye.mutiny.Multi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.emporium.orders.checkout.Order;
import org.emporium.orders.persistence.OrderRepository;
import org.emporium.platform.defaults.ProblemException;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final OrderPlacement placement;
    private final OrderRepository orders;
    private final OrderStatusFeed feed;

    OrderResource(OrderPlacement placement, OrderRepository orders, OrderStatusFeed feed) {
        this.placement = placement;
        this.orders = orders;
        this.feed = feed;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order from a cart; 202, then follow it to CONFIRMED or CANCELLED")
    public Response place(@HeaderParam("Idempotency-Key") String idempotencyKey,
                          @NotNull @Valid PlaceOrderRequest request, @Context UriInfo uri) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.invalid("Idempotency-Key", "is required: a unique value per order, the same on a retry");
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        OrderView.Accepted accepted = placement.place(idempotencyKey, request);
        return Response.accepted(accepted)
                .location(uri.getBaseUriBuilder().path("api/orders").path(accepted.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One order: status, reason, lines, totals, and every step of its checkout")
    public OrderView get(@PathParam("id") String id) {
        return OrderView.of(find(uuid(id)));
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The order now and at every change of its status, until CONFIRMED or CANCELLED")
    public Multi<OrderView> events(@PathParam("id") String id) {
        UUID orderId = uuid(id);
        find(orderId); // 404 before the stream starts
        return feed.follow(orderId);
    }

    private Order find(UUID id) {
        return orders.find(id).orElseThrow(() -> ProblemException.notFound("order " + id));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
    }
}
