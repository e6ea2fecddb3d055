package org.emporium.storefront.client.orders;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The orders service's HTTP API for placing and reading an order. Use it through
 * {@link OrdersClient}; the event stream has its own client ({@link OrderEventsApi}), since a stream
 * may rightly stay quiet for longer than any answer to a request. Every call takes the signed-in
 * shopper's {@code Authorization} header, or null for a guest (no header is sent).
 */
@RegisterRestClient(configKey = "orders")
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersApi {

    /** 202 with the new order's id; the same answer for a retry with the same key and body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Placed> place(@HeaderParam("Authorization") String authorization, @HeaderParam("Idempotency-Key") String idempotencyKey,
                      PlaceOrder order);

    @GET
    @Path("/{id}")
    Uni<Order> get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    /** The caller's orders, newest first; 401 without a token. */
    @GET
    Uni<OrderList> mine(@HeaderParam("Authorization") String authorization, @jakarta.ws.rs.QueryParam("page") int page,
                        @jakarta.ws.rs.QueryParam("size") int size);

    /** What {@code POST /api/orders} answers: enough to follow the order. */
    record Placed(String id, String status) {
    }

    /** 404: no such order or cart; 400/409/422: refused, with the problem's fields; 5xx: orders is struggling. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return OrderProblems.toException(response);
    }
}
