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

    /** Any 4xx (404: SKU unknown to inventory) means "nothing known about stock"; 5xx means inventory is struggling. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status < 500) {
            return new StockNotTrackedException("inventory answered " + status);
        }
        return new StockUnknownException("inventory answered " + status);
    }

    /** Stock could not be read; the product page then says nothing about it. */
    class StockUnknownException extends RuntimeException {
        public StockUnknownException(String message) {
            super(message, null, false, false);
        }
    }

    /** Inventory answered, but has no stock for the SKU (4xx): not a failure of inventory, not counted by its breaker. */
    class StockNotTrackedException extends StockUnknownException {
        public StockNotTrackedException(String message) {
            super(message);
        }
    }
}
