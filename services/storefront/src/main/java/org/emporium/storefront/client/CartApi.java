package org.emporium.storefront.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The cart service's HTTP API as far as the storefront uses it. Use it through {@link CartClient}
 * (caching of the mini-cart count, a new cart when the old one expired) and {@link GuardedCart}
 * (timeouts, breaker; only reads are retried).
 */
@RegisterRestClient(configKey = "cart")
@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CartApi {

    @POST
    Uni<CartRef> create();

    @GET
    @Path("/{id}")
    Uni<Cart> get(@PathParam("id") String id);

    @POST
    @Path("/{id}/items")
    Uni<Response> add(@PathParam("id") String id, ItemRequest item);

    @PUT
    @Path("/{id}/items/{sku}")
    Uni<Response> change(@PathParam("id") String id, @PathParam("sku") String sku, QuantityRequest quantity);

    @DELETE
    @Path("/{id}/items/{sku}")
    Uni<Response> remove(@PathParam("id") String id, @PathParam("sku") String sku);

    /** The body of {@code POST /api/carts}: the new cart's id. */
    record CartRef(String id) {
    }

    record ItemRequest(String sku, int quantity) {
    }

    record QuantityRequest(int quantity) {
    }

    /**
     * 404: the cart is gone (expired or never existed); 400/409/422: the change was refused, with
     * the problem's {@code detail} for the shopper; other 4xx: we asked wrongly; 5xx: cart is struggling.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 404) {
            return new CartNotFoundException();
        }
        if (status < 500) {
            return new CartRejectedException(status, ProblemDetail.read(response));
        }
        return new CartUnavailableException("cart answered " + status, null);
    }
}
