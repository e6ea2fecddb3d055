package org.emporium.storefront.client.catalog;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.upstream.Upstreams;

/**
 * The catalog's HTTP API as far as the storefront uses it. Non-blocking (Uni) so a page view never
 * parks a thread while the catalog answers. Use it through {@link CatalogClient}, which adds the
 * timeouts, retries, circuit breaker and caching; timeouts and pool are in application.properties.
 */
@RegisterRestClient(configKey = "catalog")
@Path("/api/catalog")
@Produces(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    @GET
    @Path("/products")
    Uni<ProductPage> products(@QueryParam("category") String category, @QueryParam("page") int page,
                              @QueryParam("size") int size, @QueryParam("sort") String sort);

    @GET
    @Path("/products/sku/{sku}")
    Uni<Product> productBySku(@PathParam("sku") String sku);

    @GET
    @Path("/categories")
    Uni<CategoryList> categories();

    /**
     * Sorts error answers by what the caller should do: 404 is an answer (nothing there), other 4xx
     * mean we asked wrongly (no retry), 5xx mean the catalog is struggling (retry, count toward the breaker).
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstreams.exception(GuardedCatalog.CATALOG, response.getStatus());
    }
}
