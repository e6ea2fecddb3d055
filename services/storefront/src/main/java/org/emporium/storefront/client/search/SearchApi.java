package org.emporium.storefront.client.search;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.Upstreams;

/**
 * The search service's HTTP API as far as the storefront uses it. Use it through
 * {@link SearchClient}, which adds the timeouts, circuit breakers and caching. Null parameters and
 * empty lists are left out of the request; a list parameter repeats ({@code brand=a&brand=b}).
 */
@RegisterRestClient(configKey = "search")
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public interface SearchApi {

    @GET
    Uni<SearchResults> search(@QueryParam("q") String q, @QueryParam("page") int page, @QueryParam("size") int size,
                              @QueryParam("category") List<String> categories, @QueryParam("brand") List<String> brands,
                              @QueryParam("minPrice") String minPrice, @QueryParam("maxPrice") String maxPrice,
                              @QueryParam("sort") String sort);

    @GET
    @Path("/suggest")
    Uni<SuggestionList> suggest(@QueryParam("q") String q, @QueryParam("size") int size);

    /** Any 4xx (404 included): we asked wrongly (no retry, not counted by the breaker); 5xx: search is struggling. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status < 500) {
            return new UpstreamRejectedException(GuardedSearch.SEARCH, status);
        }
        return Upstreams.exception(GuardedSearch.SEARCH, status);
    }
}
