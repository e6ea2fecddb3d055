package org.emporium.storefront.client.cart;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.Upstreams;
import org.emporium.storefront.client.ProblemDetail;

/**
 * The cart service's HTTP API as far as the storefront uses it. Use it through {@link CartClient}
 * (caching of the mini-cart count, a new cart when the old one expired) and {@link GuardedCart}
 * (timeouts, breaker; only reads are retried). Every call takes the signed-in shopper's
 * {@code Authorization} header ({@code Bearer <access token>}), or null for a guest (then no header is sent).
 */
@RegisterRestClient(configKey = "cart")
@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CartApi {

    @POST
    Uni<CartRef> create(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{id}")
    Uni<Cart> get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id);

    @POST
    @Path("/{id}/items")
    Uni<Response> add(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, ItemRequest item);

    @PUT
    @Path("/{id}/items/{sku}")
    Uni<Response> change(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, @PathParam("sku") String sku,
                         @QueryParam("option") List<String> options, QuantityRequest quantity);

    @DELETE
    @Path("/{id}/items/{sku}")
    Uni<Response> remove(@HeaderParam("Authorization") String authorization, @PathParam("id") String id, @PathParam("sku") String sku,
                         @QueryParam("option") List<String> options);

    /** The signed-in caller's latest open cart; 404 when they have none. */
    @GET
    @Path("/mine")
    Uni<Cart> mine(@HeaderParam("Authorization") String authorization);

    /**
     * Merges a guest cart into the caller's cart (or makes it theirs when they have none); answers
     * the caller's cart. Idempotent.
     */
    @POST
    @Path("/mine/merge")
    Uni<Cart> merge(@HeaderParam("Authorization") String authorization, MergeRequest merge);

    record MergeRequest(String cartId) {
    }

    /** The body of {@code POST /api/carts}: the new cart's id. */
    record CartRef(String id) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    record ItemRequest(String sku, int quantity, Map<String, String> options) {
    }

    record QuantityRequest(int quantity) {
    }

    /**
     * 404 (or 401, an account's cart without its token): the cart is gone for this caller; 400/409/422: the change was refused, with
     * the problem's {@code detail} for the shopper; other 4xx: we asked wrongly; 5xx: cart is struggling.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 404 || status == 401) {
            // 401: an account's cart asked for without its token (a signed-out browser still holding
            // the cookie): for this shopper there is no such cart
            return new UpstreamNotFoundException(GuardedCart.CART, "no such cart");
        }
        if (status < 500) {
            return new UpstreamRejectedException(GuardedCart.CART, status, null, ProblemDetail.read(response), List.of());
        }
        return Upstreams.exception(GuardedCart.CART, status);
    }
}
