package org.emporium.cart.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.upstream.Upstreams;

/**
 * The catalog's HTTP API as far as the cart uses it: one product by SKU. Non-blocking, so the
 * products of a cart's lines are asked for at once. Use it through {@link GuardedCatalog}.
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/products/sku/{sku}")
    Uni<Product> productBySku(@PathParam("sku") String sku);

    /** 404 is an answer (no such product), other 4xx a mistake of ours, 5xx a struggling catalog. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstreams.exception("catalog", response.getStatus());
    }
}
