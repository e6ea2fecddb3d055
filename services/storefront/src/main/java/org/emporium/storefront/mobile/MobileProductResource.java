package org.emporium.storefront.mobile;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.emporium.platform.defaults.Problem;
import org.emporium.platform.defaults.ProblemException;
import org.emporium.storefront.behaviour.BehaviourEvents;
import org.emporium.storefront.behaviour.ShopperIds;
import org.emporium.storefront.client.Sku;
import org.emporium.storefront.client.cart.CartIds;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Product;
import org.emporium.storefront.client.inventory.InventoryClient;
import org.emporium.storefront.client.recommendations.Recommendation;
import org.emporium.storefront.client.recommendations.RecommendationsClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * {@code GET /api/mobile/products/{sku}}: the app's product screen in one round trip (a phone on a
 * slow network pays per request). The catalog, inventory and recommendations are asked in parallel
 * under one deadline ({@code storefront.mobile.deadline}, 400 ms); stock and recommendations that
 * fail or miss it are left out and named in {@code missing}. The product is essential: unknown →
 * 404, catalog unavailable or too slow → 503 with {@code Retry-After}. Errors are problem+json.
 */
@Path("/api/mobile/products")
@Tag(name = "Mobile")
public class MobileProductResource {

    static final String SHOPPER_HEADER = "X-Shopper-Id";
    static final String SHOPPER_COOKIE = "emporium_shopper";
    static final String CART_COOKIE = "cart";
    private static final Logger LOG = Logger.getLogger(MobileProductResource.class);
    /** About the catalog breaker's open delay, as for the web's 503 page. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final CatalogClient catalog;
    private final InventoryClient inventory;
    private final RecommendationsClient recommendations;
    private final BehaviourEvents behaviour;
    private final Duration deadline;

    MobileProductResource(CatalogClient catalog, InventoryClient inventory, RecommendationsClient recommendations,
                          BehaviourEvents behaviour,
                          @ConfigProperty(name = "storefront.mobile.deadline", defaultValue = "400ms") Duration deadline) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.recommendations = recommendations;
        this.behaviour = behaviour;
        this.deadline = deadline;
    }

    @GET
    @Path("/{sku}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A product with its stock and \"customers also bought\", in one answer")
    @APIResponse(responseCode = "200", description = "The product; partial=true names the parts left out in missing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MobileProduct.class)))
    @APIResponse(responseCode = "400", description = "The SKU is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such product",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; try again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> product(
            @Parameter(description = "e.g. AUD-000123 or DEMO-1") @PathParam("sku") String sku,
            @Parameter(description = "the app's shopper id, for recommendations' view history; ignored unless [A-Za-z0-9_-]{8,64}")
            @RestHeader(SHOPPER_HEADER) String shopperHeader,
            @Parameter(hidden = true) @RestCookie(SHOPPER_COOKIE) String shopperCookie,
            @Parameter(hidden = true) @RestCookie(CART_COOKIE) String cartCookie) {
        if (!Sku.isValid(sku)) {
            throw ProblemException.invalid("sku", "must be " + Sku.RULE);
        }
        String cartId = CartIds.isValid(cartCookie) ? cartCookie : null;
        String shopperId = ShopperIds.isValid(shopperHeader) ? shopperHeader
                : ShopperIds.isValid(shopperCookie) ? shopperCookie : null;
        // every part runs to its answer or the deadline, none fails the others: a missing product
        // is then an error, missing stock or recommendations are left out and named
        Uni<Part<Optional<Product>>> product = Part.within(catalog.product(sku), deadline);
        Uni<Part<Optional<Integer>>> stock = Part.within(inventory.stock(sku), deadline);
        Uni<Part<List<Recommendation>>> recommended = Part.within(recommendations.alsoBoughtOrFailure(sku, cartId), deadline);
        return Uni.combine().all().unis(product, stock, recommended).asTuple()
                .map(t -> {
                    if (t.getItem1().missing()) {
                        LOG.warnf("catalog unavailable or slower than %d ms for the mobile product %s", deadline.toMillis(), sku);
                        return unavailable();
                    }
                    Product found = t.getItem1().value().orElseThrow(() -> ProblemException.notFound("no product with SKU " + sku));
                    behaviour.productViewed(shopperId, cartId, sku, BehaviourEvents.MOBILE);
                    return Response.ok(answer(found, t.getItem2(), t.getItem3()))
                            .header("Cache-Control", "private, max-age=5").build();
                });
    }

    /** Without the product there is nothing to show: 503, try again about when the catalog's breaker would. */
    private static Response unavailable() {
        return Response.status(503).type(Problem.MEDIA)
                .entity(Problem.of(503, "Service unavailable", "the catalog is unavailable; try again shortly"))
                .header("Retry-After", RETRY_AFTER_SECONDS).header("Cache-Control", "no-store").build();
    }

    static MobileProduct answer(Product product, Part<Optional<Integer>> stock, Part<List<Recommendation>> recommended) {
        List<String> missing = new ArrayList<>();
        if (stock.missing()) {
            missing.add("stock");
        }
        if (recommended.missing()) {
            missing.add("recommendations");
        }
        MobileProduct.StockLevel units = stock.missing() ? null : stock.value().map(MobileProduct.StockLevel::of).orElse(null);
        List<MobileProduct.RecommendedItem> items = recommended.missing() ? List.of() : recommended.value().stream()
                .filter(r -> !r.sku().equals(product.sku())).map(MobileProduct.RecommendedItem::of).toList();
        return new MobileProduct(MobileProduct.ProductDetails.of(product), units, items, !missing.isEmpty(), List.copyOf(missing));
    }
}
