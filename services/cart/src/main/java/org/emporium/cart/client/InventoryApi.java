package org.emporium.cart.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.upstream.Upstreams;

/** Inventory's HTTP API as far as the cart uses it: stock of several SKUs. Use it through {@link GuardedInventory}. */
@RegisterRestClient(configKey = "inventory")
@Path("/api/inventory")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryApi {

    @GET
    Uni<StockList> stock(@QueryParam("skus") String commaSeparatedSkus);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstreams.exception("inventory", response.getStatus());
    }
}
