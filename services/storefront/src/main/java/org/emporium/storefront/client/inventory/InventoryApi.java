package org.emporium.storefront.client.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.Upstreams;

/** The inventory service's stock read; use it through {@link InventoryClient}. */
@RegisterRestClient(configKey = "inventory")
@Path("/api/inventory")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryApi {

    @GET
    @Path("/{sku}")
    Uni<StockLevel> stock(@PathParam("sku") String sku);

    /** What can be sold of one SKU right now. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockLevel(String sku, int available, int reserved) {
    }

    /**
     * Any 4xx (404: SKU unknown to inventory) means "nothing known about stock": not found, and not
     * counted by the breaker; 5xx means inventory is struggling.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status < 500) {
            return new UpstreamNotFoundException(GuardedInventory.INVENTORY, "inventory answered " + status);
        }
        return Upstreams.exception(GuardedInventory.INVENTORY, status);
    }
}
