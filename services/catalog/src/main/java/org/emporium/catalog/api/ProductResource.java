package org.emporium.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.emporium.catalog.Money;
import org.emporium.catalog.Product;
import org.emporium.catalog.ProductQuery;
import org.emporium.catalog.persistence.ProductRepository;
import org.emporium.platform.auth.CallerContext;
import org.emporium.platform.defaults.Problem;
import org.emporium.platform.defaults.ProblemException;

/** Products: anyone reads; creating, replacing and deleting need an admin's (or a service's) bearer token. */
@Path("/api/catalog/products")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "an access token of the identity service with role admin (or service)")
public class ProductResource {

    private final ProductRepository products;
    private final CallerContext caller;

    public ProductResource(ProductRepository products, CallerContext caller) {
        this.products = products;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A page of products, filtered and sorted")
    public ProductPage list(@QueryParam("page") @Parameter(description = "0-based page number") String page,
                            @QueryParam("size") @Parameter(description = "1 to 100, default 20") String size,
                            @QueryParam("category") @Parameter(description = "category slug") String category,
                            @QueryParam("brand") String brand,
                            @QueryParam("minPrice") String minPrice,
                            @QueryParam("maxPrice") String maxPrice,
                            @QueryParam("sort") @Parameter(description = "name (default), price, -price or newest") String sort) {
        ProductQuery query = ListingParameters.parse(page, size, category, brand, minPrice, maxPrice, sort);
        return new ProductPage(products.find(query), query.page(), query.size(), products.count(query));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One product by id")
    public Product byId(@PathParam("id") String id) {
        return products.findById(uuid(id)).orElseThrow(() -> ProblemException.notFound("no product with id " + id));
    }

    @GET
    @Path("/sku/{sku}")
    @Operation(summary = "One product by SKU")
    public Product bySku(@PathParam("sku") String sku) {
        if (sku.length() > 32) {
            throw ProblemException.invalid("sku", "must be at most 32 characters");
        }
        Text.requirePrintable("sku", sku);
        return products.findBySku(sku).orElseThrow(() -> ProblemException.notFound("no product with SKU " + sku));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a product (admin)")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Product.class)))
    @APIResponse(responseCode = "401", description = "no valid bearer access token")
    @APIResponse(responseCode = "403", description = "the token's caller is neither admin nor service")
    public Response create(@NotNull @Valid ProductRequest request,
                           @Context UriInfo uri) {
        caller.requireAdmin();
        Text.requirePrintable(request);
        requireCategory(request.category());
        Instant now = now();
        Product product = toProduct(UUID.randomUUID(), request, now, now);
        if (!products.insert(product)) {
            throw new ProblemException(Problem.of(409, "Conflict", "a product with SKU " + request.sku() + " exists"));
        }
        return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
                .entity(product).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a product (admin)")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Product.class)))
    @APIResponse(responseCode = "401", description = "no valid bearer access token")
    @APIResponse(responseCode = "403", description = "the token's caller is neither admin nor service")
    public Product replace(@PathParam("id") String id,
                           @NotNull @Valid ProductRequest request) {
        caller.requireAdmin();
        UUID productId = uuid(id);
        Text.requirePrintable(request);
        Product existing = products.findById(productId)
                .orElseThrow(() -> ProblemException.notFound("no product with id " + id));
        requireCategory(request.category());
        if (products.skuTakenByAnother(request.sku(), productId)) {
            throw new ProblemException(Problem.of(409, "Conflict", "another product has SKU " + request.sku()));
        }
        Product product = toProduct(productId, request, existing.createdAt(), now());
        if (!products.update(product)) {
            throw ProblemException.notFound("no product with id " + id);
        }
        return product;
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a product (admin)")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "No Content")
    @APIResponse(responseCode = "401", description = "no valid bearer access token")
    @APIResponse(responseCode = "403", description = "the token's caller is neither admin nor service")
    public Response delete(@PathParam("id") String id) {
        caller.requireAdmin();
        if (!products.delete(uuid(id))) {
            throw ProblemException.notFound("no product with id " + id);
        }
        return Response.noContent().build();
    }

    private void requireCategory(String slug) {
        if (!products.categoryExists(slug)) {
            throw ProblemException.invalid("category", "unknown category '" + slug + "'");
        }
    }

    private static Product toProduct(UUID id, ProductRequest r, Instant created, Instant updated) {
        Map<String, String> attributes = r.attributes() == null ? Map.of() : r.attributes();
        return new Product(id, r.sku(), r.name().strip(), r.description() == null ? "" : r.description().strip(),
                r.brand().strip(), r.category(), Money.of(new BigDecimal(r.price().amount()),
                r.price().currency()), r.imageUrl(), attributes, created, updated);
    }

    private static UUID uuid(String id) {
        try {
            if (id.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "must be a UUID");
        }
    }

    /** Microseconds: what Postgres keeps, so a written product reads back equal. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
