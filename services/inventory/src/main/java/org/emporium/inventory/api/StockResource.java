package org.emporium.inventory.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.emporium.inventory.domain.Skus;
import org.emporium.inventory.domain.StockLevel;
import org.emporium.inventory.persistence.StockRepository;
import org.emporium.platform.auth.CallerContext;
import org.emporium.platform.defaults.ProblemException;

/** Stock levels: anyone reads; setting what is on hand needs an admin's (or a service's) bearer token. */
@Path("/api/inventory")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "an access token of the identity service with role admin (or service)")
public class StockResource {

    static final int MAX_SKUS = 100;

    private final StockRepository stock;
    private final CallerContext caller;

    public StockResource(StockRepository stock, CallerContext caller) {
        this.stock = stock;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Stock of several SKUs; unknown ones are listed under 'unknown'")
    public StockList several(@QueryParam("skus") @Parameter(description = "comma-separated, at most 100") String skus) {
        if (skus == null || skus.isBlank()) {
            throw ProblemException.invalid("skus", "must list at least one SKU, comma-separated");
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String sku : skus.split(",", -1)) {
            asked.add(requireSku("skus", sku.strip()));
        }
        if (asked.size() > MAX_SKUS) {
            throw ProblemException.invalid("skus", "must list at most " + MAX_SKUS + " SKUs");
        }
        List<StockLevel> levels = stock.findAll(asked);
        List<String> unknown = new ArrayList<>(asked);
        levels.forEach(l -> unknown.remove(l.sku()));
        return new StockList(levels.stream().map(StockView::of).toList(), unknown);
    }

    @GET
    @Path("/{sku}")
    @Operation(summary = "Stock of one SKU")
    public StockView one(@PathParam("sku") String sku) {
        return stock.find(requireSku("sku", sku)).map(StockView::of)
                .orElseThrow(() -> ProblemException.notFound("no stock known for SKU " + sku));
    }

    @PUT
    @Path("/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set what is on hand (admin); creates the SKU if new; never below what is reserved")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminStockView.class)))
    @APIResponse(responseCode = "401", description = "no valid bearer access token")
    @APIResponse(responseCode = "403", description = "the token's caller is neither admin nor service")
    public AdminStockView set(@PathParam("sku") String sku,
                              @NotNull @Valid StockUpdate update) {
        caller.requireAdmin();
        return AdminStockView.of(stock.setOnHand(requireSku("sku", sku), update.onHand()));
    }

    private static String requireSku(String field, String sku) {
        if (!Skus.valid(sku)) {
            throw ProblemException.invalid(field, "'" + abbreviate(sku) + "' is not a SKU: must be " + Skus.RULE);
        }
        return sku;
    }

    /** Echoes a bad value back, but never a huge one, nor control characters. */
    static String abbreviate(String value) {
        String printable = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
