package org.emporium.orders.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.upstream.Upstreams;

/** The cart's HTTP API as far as checkout uses it. Use it through {@link CartAndCards}. */
@RegisterRestClient(configKey = "cart")
@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
public interface CartApi {

    /**
     * {@code authorization}: the shopper's bearer token, relayed; null for a guest (no header). With
     * no-cache: the cart keeps the catalog's answers for a few seconds, an order takes today's prices.
     */
    @GET
    @Path("/{id}")
    @ClientHeaderParam(name = HttpHeaders.CACHE_CONTROL, value = "no-cache")
    CartSnapshot cart(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    /** {@code authorization}: this service's own bearer token (client credentials), or null. */
    @DELETE
    @Path("/{id}")
    void clear(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstreams.exception("cart", response.getStatus());
    }
}
