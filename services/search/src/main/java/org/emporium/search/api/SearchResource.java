package org.emporium.search.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.emporium.search.SearchService;

/**
 * The search API. Parameters are declared for the OpenAPI document; parsing reads them all from
 * the URI so that unknown and repeated ones are refused with a clear 400.
 */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService service;

    public SearchResource(SearchService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Products matching a text, filtered, sorted and paged, with facet counts")
    public SearchPage search(@QueryParam("q") @Parameter(description = "text as typed; empty browses everything") String q,
                             @QueryParam("page") @Parameter(description = "0-based; page * size at most 10000") String page,
                             @QueryParam("size") @Parameter(description = "1 to 100, default 20") String size,
                             @QueryParam("category") @Parameter(description = "category slug; repeat for any of several") List<String> category,
                             @QueryParam("brand") @Parameter(description = "brand; repeat for any of several") List<String> brand,
                             @QueryParam("minPrice") @Parameter(description = "inclusive, decimal") String minPrice,
                             @QueryParam("maxPrice") @Parameter(description = "inclusive, decimal") String maxPrice,
                             @QueryParam("inStock") @Parameter(description = "true: only products with available stock "
                                     + "(unknown stock is not in stock); false or absent: all") String inStock,
                             @QueryParam("sort") @Parameter(description = "relevance (default), price, -price or newest") String sort,
                             @Context UriInfo uri) throws IOException {
        return SearchPage.of(service.search(SearchParameters.search(uri.getQueryParameters())));
    }

    @GET
    @Path("/suggest")
    @Operation(summary = "Brands and product names that complete what was typed")
    public SuggestionList suggest(@QueryParam("q") @Parameter(description = "text typed so far") String q,
                                  @QueryParam("size") @Parameter(description = "1 to 20, default 8") String size,
                                  @Context UriInfo uri) throws IOException {
        SearchParameters.Suggest request = SearchParameters.suggest(uri.getQueryParameters());
        return SuggestionList.of(service.suggest(request.text(), request.size()));
    }
}
