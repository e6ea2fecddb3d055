package org.emporium.storefront.client.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.Upstreams;

/**
 * The recommendations service's two reads; use them through {@link RecommendationsClient}. The
 * answers are read as a JSON tree, not a record: {@link Recommendation#from} skips an item of an
 * unexpected shape instead of failing the whole answer. A null {@code cart} is left out.
 */
@RegisterRestClient(configKey = "recommendations")
@Path("/api/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public interface RecommendationsApi {

    /** "Customers who bought this also bought". */
    @GET
    @Path("/products/{sku}")
    Uni<JsonNode> forProduct(@PathParam("sku") String sku, @QueryParam("size") int size, @QueryParam("cart") String cart);

    /** "Recommended for you". */
    @GET
    @Path("/shoppers/{shopperId}")
    Uni<JsonNode> forShopper(@PathParam("shopperId") String shopperId, @QueryParam("size") int size,
                             @QueryParam("cart") String cart);

    /**
     * Any 4xx (400 bad input, 404 unknown product): nothing to recommend, not a failure of the
     * service (rejected, never counted by the breaker); 5xx: the service is struggling.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status < 500) {
            return new UpstreamRejectedException(GuardedRecommendations.RECOMMENDATIONS, status);
        }
        return Upstreams.exception(GuardedRecommendations.RECOMMENDATIONS, status);
    }
}
