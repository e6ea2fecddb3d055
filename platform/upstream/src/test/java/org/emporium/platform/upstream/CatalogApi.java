package org.emporium.platform.upstream;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A catalog read as the services' clients make it; the stand-in instances answer which one served it. */
@RegisterRestClient(configKey = "catalog")
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    record Served(String instance) {
    }

    @GET
    @Path("/products/sku/{sku}")
    Uni<Served> productBySku(@PathParam("sku") String sku);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstreams.exception("catalog", response.getStatus());
    }
}
