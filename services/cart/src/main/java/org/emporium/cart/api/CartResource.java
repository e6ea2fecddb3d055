package org.emporium.cart.api;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.emporium.cart.client.ProductCache;
import org.emporium.cart.client.StockCache;
import org.emporium.cart.client.Product;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartLine;
import org.emporium.cart.domain.CartRefusal;
import org.emporium.cart.domain.CartRules;
import org.emporium.cart.domain.LineOptions;
import org.emporium.cart.persistence.CartRepository;
import org.emporium.platform.auth.Caller;
import org.emporium.platform.auth.CallerContext;
import org.emporium.platform.defaults.Problem;
import org.emporium.platform.defaults.ProblemException;
import org.jboss.logging.Logger;

/**
 * The cart API. A guest cart's id is the shopper's capability: whoever knows it may read and
 * change the cart. A cart created with a bearer token (or taken over at sign-in) belongs to that
 * account: it needs the owner's token (or an admin's or a service's); without a token it is a
 * 401, with another account's token it is a 404 exactly like a cart that does not exist. Changes
 * answer with the cart as {@code GET} shows it.
 *
 * <p>A line is a SKU with the options chosen for it (issue 20, variants: {@code {"size":"M"}}), so
 * the same SKU in two sizes is two lines. An add names the options in its body and they are checked
 * against the catalog's product; a change or removal addresses a line with {@code ?option=size:M}
 * (repeatable; none: the line without options).
 */
@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = CartResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token of the identity service; optional for guest carts")
public class CartResource {

    static final String BEARER = "bearer";
    static final String OPTION_PARAMETER = "the line's options, each as name:value, such as size:M (repeatable); "
            + "none: the line without options";

    private static final Logger LOG = Logger.getLogger(CartResource.class);
    /** Beyond the fault tolerance bounds (4 s): only a safety net. */
    private static final Duration UPSTREAM_WAIT = Duration.ofSeconds(6);

    private final CartRepository carts;
    private final ProductCache catalog;
    private final StockCache inventory;
    private final String currency;
    private final CallerContext callers;

    public CartResource(CartRepository carts, ProductCache catalog, StockCache inventory,
                        @ConfigProperty(name = "emporium.cart.currency") String currency, CallerContext callers) {
        this.carts = carts;
        this.callers = callers;
        this.catalog = catalog;
        this.inventory = inventory;
        this.currency = currency;
    }

    @POST
    @Operation(summary = "A new, empty cart: the caller's with a bearer token, else a guest cart whose id is the only key to it")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    public Response create(@Context UriInfo uri) {
        Cart cart = carts.create(callers.optional().map(Caller::subject).orElse(null));
        return Response.created(uri.getAbsolutePathBuilder().path(cart.id().toString()).build())
                .entity(new CreatedCart(cart.id())).build();
    }

    @GET
    @Path("/mine")
    @Operation(summary = "The caller's most recently changed open cart (needs a bearer token)")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "200", description = "The cart",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "401", description = "No or a bad bearer token")
    @APIResponse(responseCode = "404", description = "The account has no open cart")
    public CartView mine() {
        String owner = callers.required().subject();
        return view(carts.latestOf(owner).orElseThrow(() -> ProblemException.notFound("this account has no cart")));
    }

    @POST
    @Path("/mine/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "At sign-in: merges a guest cart into the caller's cart (or makes it the caller's), idempotently")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "200", description = "The caller's cart after the merge",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "400", description = "cartId missing or not a UUID")
    @APIResponse(responseCode = "401", description = "No or a bad bearer token")
    @APIResponse(responseCode = "404", description = "The cart belongs to another account")
    public CartView merge(@NotNull @Valid MergeCart request) {
        String owner = callers.required().subject();
        UUID from = CartRules.cartId(request.cartId()).orElseThrow(() -> ProblemException.invalid("cartId",
                "'" + abbreviate(request.cartId()) + "' is not a cart id: must be a UUID"));
        // availability is read before the transaction: no remote call while carts are locked; a SKU
        // inventory does not know has 0 available, and with inventory unreachable the merge is unchecked
        Map<String, Integer> available = carts.find(from)
                .filter(c -> c.owner() == null || c.owner().equals(owner))
                .map(c -> c.lines().stream().map(CartLine::sku).distinct().toList())
                .filter(skus -> !skus.isEmpty())
                .map(this::availability)
                .orElse(Map.of());
        return view(carts.merge(owner, from, available));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The cart with names, prices and availability as they are now",
            description = "Names and prices may be a few seconds old, availability a moment old (as the product page "
                    + "shows it); with Cache-Control: no-cache they are read from the catalog and inventory at this "
                    + "moment (as orders does when an order is placed).")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    public CartView get(@PathParam("id") String id,
                        @HeaderParam(HttpHeaders.CACHE_CONTROL) @Parameter(description = "no-cache: prices and availability as the catalog and inventory have them now")
                        String cacheControl) {
        UUID cartId = cartId(id);
        Cart cart = carts.find(cartId).filter(c -> callers.mayAccess(c.owner()))
                .orElseThrow(() -> ProblemException.notFound("no cart " + cartId));
        return view(cart, cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).contains("no-cache"));
    }

    @POST
    @Path("/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds units of a SKU with the options chosen, to its line if the cart has one",
            description = "options must name exactly the options the catalog's product offers (its options), each "
                    + "with an allowed value, such as {\"size\": \"M\"}; none for a product without options. "
                    + "The same SKU with other options is another line.")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    @APIResponse(responseCode = "200", description = "The cart after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "400", description = "A malformed request, or options the product does not offer: "
            + "a missing choice (\"Choose a size: XS, S, M, L, XL\"), a value it does not allow, an unknown option, "
            + "options for a product without any; errors[0].field names the option (options.size)")
    @APIResponse(responseCode = "422", description = "An unknown SKU, a line or cart over its limits, stock short")
    @APIResponse(responseCode = "503", description = "The catalog cannot confirm the product right now")
    public CartView add(@PathParam("id") String id, @NotNull @Valid AddItem item) {
        UUID cartId = cartId(id);
        String sku = sku(item.sku());
        Map<String, String> options = LineOptions.canonical(item.options());
        // both asked at once; the catalog must confirm the SKU and its options, inventory may be unreachable
        Uni<Optional<Product>> product = catalog.product(sku);
        Uni<Map<String, Integer>> stock = stockOf(sku);
        Optional<Product> known = product.await().atMost(UPSTREAM_WAIT);
        if (known.isEmpty()) {
            throw new CartRefusal("sku", "unknown SKU " + sku + ": the catalog has no such product");
        }
        LineOptions.check(sku, item.options(), known.get().options()).ifPresent(invalid -> {
            throw new ProblemException(new Problem("about:blank", "Invalid request", 400, invalid.detail(), null, null,
                    List.of(new Problem.FieldError(invalid.field(), invalid.detail()))));
        });
        Map<String, Integer> available = stock.await().atMost(UPSTREAM_WAIT);
        return view(carts.add(cartId, callers::mayAccess, sku, options, item.quantity(), unitsOf(sku, available)));
    }

    @PUT
    @Path("/{id}/items/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the quantity of a line the cart holds: the SKU's line with exactly the options given")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    public CartView set(@PathParam("id") String id, @PathParam("sku") String sku,
                        @QueryParam("option") @Parameter(description = OPTION_PARAMETER) List<String> option,
                        @NotNull @Valid SetQuantity change) {
        UUID cartId = cartId(id);
        String valid = sku(sku);
        Map<String, String> options = options(option);
        Map<String, Integer> available = stockOf(valid).await().atMost(UPSTREAM_WAIT);
        return view(carts.setQuantity(cartId, callers::mayAccess, valid, options, change.quantity(),
                unitsOf(valid, available)));
    }

    @DELETE
    @Path("/{id}/items/{sku}")
    @Operation(summary = "Removes a line: the SKU's line with exactly the options given")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    public CartView remove(@PathParam("id") String id, @PathParam("sku") String sku,
                           @QueryParam("option") @Parameter(description = OPTION_PARAMETER) List<String> option) {
        UUID cartId = cartId(id);
        String valid = sku(sku);
        return view(carts.remove(cartId, callers::mayAccess, valid, options(option)));
    }


    @DELETE
    @Path("/{id}")
    @Operation(summary = "Clears the cart: every line goes, the cart (and its id) stays")
    @SecurityRequirementsSet // without a token: a guest's
    @SecurityRequirementsSet(@SecurityRequirement(name = BEARER))
    public Response clear(@PathParam("id") String id) {
        carts.clear(cartId(id), callers::mayAccess);
        return Response.noContent().build();
    }

    /** Units available of each SKU (0 for one inventory does not know), or none when inventory cannot say. */
    private Map<String, Integer> availability(List<String> skus) {
        Map<String, Integer> known = inventory.available(skus).onFailure().recoverWithNull().await().atMost(UPSTREAM_WAIT);
        if (known == null) {
            return Map.of();
        }
        Map<String, Integer> all = new java.util.HashMap<>();
        skus.forEach(sku -> all.put(sku, known.getOrDefault(sku, 0)));
        return all;
    }

    /** Units available of {@code sku} (kept a moment, see {@link StockCache}), or null when inventory cannot say. */
    private Uni<Map<String, Integer>> stockOf(String sku) {
        return inventory.available(List.of(sku)).onFailure().recoverWithItem(f -> {
            LOG.debugf("inventory unavailable, accepting the change unchecked: %s", f);
            return null;
        });
    }

    /** Units available of one SKU, or empty when inventory cannot say (the change is then accepted). */
    private static OptionalInt unitsOf(String sku, Map<String, Integer> available) {
        return available == null ? OptionalInt.empty() : OptionalInt.of(available.getOrDefault(sku, 0));
    }

    CartView view(Cart cart) {
        return view(cart, false);
    }

    /**
     * @param fresh names, prices and availability from the catalog and inventory now, not from the
     *              last few seconds' answers
     */
    private CartView view(Cart cart, boolean fresh) {
        // a SKU in two sizes is two lines, one product, one stock count
        List<String> skus = cart.lines().stream().map(CartLine::sku).distinct().toList();
        Map<String, Integer> unitsPerSku = new java.util.HashMap<>();
        cart.lines().forEach(l -> unitsPerSku.merge(l.sku(), l.quantity(), Integer::sum));
        Map<String, Product> products = Map.of();
        Map<String, Integer> available = null;
        if (!skus.isEmpty()) {
            // products and stock kept answer at once; the rest is asked for together, both at the same time
            Uni<Map<String, Product>> known = fresh ? catalog.fresh(skus) : catalog.products(skus);
            Uni<Map<String, Integer>> units = (fresh ? inventory.fresh(skus) : inventory.available(skus))
                    .onFailure().recoverWithNull();
            var both = Uni.combine().all().unis(known, units).asTuple().await().atMost(UPSTREAM_WAIT);
            products = both.getItem1();
            available = both.getItem2();
        }
        boolean partial = !skus.isEmpty() && available == null;
        BigDecimal total = BigDecimal.ZERO;
        boolean totalKnown = true;
        List<CartView.Line> lines = new ArrayList<>();
        for (int i = 0; i < cart.lines().size(); i++) {
            CartLine line = cart.lines().get(i);
            Product product = products.get(line.sku());
            CartView.Amount unit = null;
            CartView.Amount lineTotal = null;
            if (product != null && product.price() != null && product.price().amount() != null) {
                BigDecimal sum = product.price().amount().multiply(BigDecimal.valueOf(line.quantity()));
                unit = CartView.Amount.of(product.price().amount(), product.price().currency());
                lineTotal = CartView.Amount.of(sum, product.price().currency());
                total = total.add(sum);
            } else {
                totalKnown = false;
                partial = true;
            }
            Integer units = available == null ? null : available.getOrDefault(line.sku(), 0);
            lines.add(new CartView.Line(line.sku(), line.options(), product == null ? null : product.name(), unit,
                    line.quantity(), lineTotal, units, units == null ? null : units >= unitsPerSku.get(line.sku())));
        }
        String totalCurrency = lines.stream().filter(l -> l.unitPrice() != null).map(l -> l.unitPrice().currency())
                .findFirst().orElse(currency);
        return new CartView(cart.id(), lines, totalKnown ? CartView.Amount.of(total, totalCurrency) : null,
                cart.itemCount(), cart.version(), partial, cart.createdAt(), cart.updatedAt());
    }

    private static UUID cartId(String id) {
        return CartRules.cartId(id).orElseThrow(() -> ProblemException.invalid("id",
                "'" + abbreviate(id) + "' is not a cart id: must be a UUID"));
    }

    /** The options addressing a line, from {@code ?option=size:M}: 400 naming {@code option} when malformed. */
    private static Map<String, String> options(List<String> parameters) {
        try {
            return LineOptions.fromQuery(parameters);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("option", e.getMessage());
        }
    }

    private static String sku(String sku) {
        if (!CartRules.validSku(sku)) {
            throw ProblemException.invalid("sku", "'" + abbreviate(sku) + "' is not a SKU: must be " + CartRules.SKU_RULE);
        }
        return sku;
    }

    /** Echoes a bad value back, but never a huge one, nor control characters. */
    static String abbreviate(String value) {
        String printable = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
