package org.emporium.recommendations.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.emporium.platform.defaults.ProblemException;
import org.emporium.recommendations.RecommendationsService;
import org.emporium.recommendations.domain.Recommendations;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The recommendations API. Answers may be a few seconds stale (max-age=5). Query parameters are
 * declared for the OpenAPI document; parsing reads them from the URI so that unknown and repeated
 * ones are refused with a clear 400.
 */
@Path("/api/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationsResource {

    private final RecommendationsService service;

    public RecommendationsResource(RecommendationsService service) {
        this.service = service;
    }

    @GET
    @Path("/products/{sku}")
    @ResponseHeader(name = "Cache-Control", value = "max-age=5")
    @APIResponse(responseCode = "200", description = "OK; Cache-Control: max-age=5",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationList.class)))
    @APIResponse(responseCode = "400", description = "a malformed parameter, named in errors[0].field",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "the SKU is not in the catalog (never was, or deleted)",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "Products bought together with, or viewed alike, a product; filled with products like it "
            + "(same category, brand, attributes), then popular ones of its category")
    public RecommendationList forProduct(
            @PathParam("sku") @Parameter(description = "^[A-Z0-9][A-Z0-9-]{2,31}$; 404 when not in the catalog") String sku,
            @QueryParam("size") @Parameter(description = "1 to 50, default 10") String size,
            @QueryParam("cart") @Parameter(description = "a cart id (UUID): its items are left out") String cart,
            @Context UriInfo uri) {
        RecommendationParameters.Query query = RecommendationParameters.query(uri.getQueryParameters());
        Recommendations answer = service.recommender().forProduct(RecommendationParameters.sku(sku), query.size(),
                query.cartId());
        if (answer == null) {
            throw ProblemException.notFound("no product with SKU " + sku + " in the catalog");
        }
        return RecommendationList.of(answer);
    }

    @GET
    @Path("/shoppers/{id}")
    @ResponseHeader(name = "Cache-Control", value = "max-age=5")
    @APIResponse(responseCode = "200", description = "OK; Cache-Control: max-age=5",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecommendationList.class)))
    @APIResponse(responseCode = "400", description = "a malformed parameter, named in errors[0].field",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "Products for a shopper, from what they viewed, added and bought; popular ones for a shopper not known yet")
    public RecommendationList forShopper(
            @PathParam("id") @Parameter(description = "the storefront's shopper id, or cart:<cart id>; ^[A-Za-z0-9_:-]{8,80}$") String id,
            @QueryParam("size") @Parameter(description = "1 to 50, default 10") String size,
            @QueryParam("cart") @Parameter(description = "the shopper's cart id (UUID): its items are left out") String cart,
            @Context UriInfo uri) {
        RecommendationParameters.Query query = RecommendationParameters.query(uri.getQueryParameters());
        return RecommendationList.of(service.recommender().forShopper(RecommendationParameters.shopper(id),
                query.size(), query.cartId()));
    }
}
