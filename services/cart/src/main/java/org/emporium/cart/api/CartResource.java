package org.emporium.cart.api;

import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.emporium.cart.client.GuardedCatalog;
import org.emporium.cart.client.GuardedInventory;
import org.emporium.cart.client.Product;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartLine;
import org.emporium.cart.domain.CartRefusal;
import org.emporium.cart.domain.CartRules;
import org.emporium.cart.persistence.CartRepository;
import org.emporium.platform.defaults.ProblemException;
import org.jboss.logging.Logger;

/**
 * The cart API. The cart id is the shopper's capability: whoever knows it may read and change the
 * cart. Changes answer with the cart as {@code GET} shows it.
 */
@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
public class CartResource {

    private static final Logger LOG = Logger.getLogger(CartResource.class);
    /** Beyond the fault tolerance bounds (4 s): only a safety net. */
    private static final Duration UPSTREAM_WAIT = Duration.ofSeconds(6);

    private final CartRepository carts;
    private final GuardedCatalog catalog;
    private final GuardedInventory inventory;
    private final String currency;

    public CartResource(CartRepository carts, GuardedCatalog catalog, GuardedInventory inventory,
                        @ConfigProperty(name = "emporium.cart.currency") String currency) {
        this.carts = carts;
        this.catalog = catalog;
        this.inventory = inventory;
        this.currency = currency;
    }

    @POST
    @Operation(summary = "A new, empty cart; its id is the only key to it")
    public Response create(@Context UriInfo uri) {
        Cart cart = carts.create();
        return Response.created(uri.getAbsolutePathBuilder().path(cart.id().toString()).build())
                .entity(new CreatedCart(cart.id())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The cart with names, prices and availability as they are now")
    public CartView get(@PathParam("id") String id) {
        UUID cartId = cartId(id);
        return view(carts.find(cartId).orElseThrow(() -> ProblemException.notFound("no cart " + cartId)));
    }

    @POST
    @Path("/{id}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds units of a SKU, to its line if the cart has one")
    public CartView add(@PathParam("id") String id, @NotNull @Valid AddItem item) {
        UUID cartId = cartId(id);
        String sku = sku(item.sku());
        // both asked at once; the catalog must confirm the SKU, inventory may be unreachable
        Uni<Optional<Product>> product = catalog.product(sku);
        Uni<OptionalInt> available = available(sku);
        Optional<Product> known = product.await().atMost(UPSTREAM_WAIT);
        if (known.isEmpty()) {
            throw new CartRefusal("sku", "unknown SKU " + sku + ": the catalog has no such product");
        }
        return view(carts.add(cartId, sku, item.quantity(), available.await().atMost(UPSTREAM_WAIT)));
    }

    @PUT
    @Path("/{id}/items/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sets the quantity of a line the cart holds")
    public CartView set(@PathParam("id") String id, @PathParam("sku") String sku, @NotNull @Valid SetQuantity change) {
        UUID cartId = cartId(id);
        String valid = sku(sku);
        return view(carts.setQuantity(cartId, valid, change.quantity(), available(valid).await().atMost(UPSTREAM_WAIT)));
    }

    @DELETE
    @Path("/{id}/items/{sku}")
    @Operation(summary = "Removes the line of a SKU")
    public CartView remove(@PathParam("id") String id, @PathParam("sku") String sku) {
        return view(carts.remove(cartId(id), sku(sku)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Clears the cart: every line goes, the cart (and its id) stays")
    public Response clear(@PathParam("id") String id) {
        carts.clear(cartId(id));
        return Response.noContent().build();
    }

    /** Units available of one SKU, or empty when inventory cannot say (the change is then accepted). */
    private Uni<OptionalInt> available(String sku) {
        return inventory.available(List.of(sku))
                .map(a -> OptionalInt.of(a.getOrDefault(sku, 0)))
                .onFailure().recoverWithItem(f -> {
                    LOG.debugf("inventory unavailable, accepting the change unchecked: %s", f);
                    return OptionalInt.empty();
                });
    }

    CartView view(Cart cart) {
        List<String> skus = cart.lines().stream().map(CartLine::sku).toList();
        List<Product> products = new ArrayList<>();
        Map<String, Integer> available = null;
        if (!skus.isEmpty()) {
            List<Uni<Product>> asks = skus.stream()
                    .map(sku -> catalog.product(sku).map(p -> p.orElse(null)).onFailure().recoverWithNull())
                    .toList();
            Uni<List<Product>> all = Uni.join().all(asks).andCollectFailures();
            Uni<Map<String, Integer>> stock = inventory.available(skus).onFailure().recoverWithNull();
            var both = Uni.combine().all().unis(all, stock).asTuple().await().atMost(UPSTREAM_WAIT);
            products.addAll(both.getItem1());
            available = both.getItem2();
        }
        boolean partial = !skus.isEmpty() && available == null;
        BigDecimal total = BigDecimal.ZERO;
        boolean totalKnown = true;
        List<CartView.Line> lines = new ArrayList<>();
        for (int i = 0; i < cart.lines().size(); i++) {
            CartLine line = cart.lines().get(i);
            Product product = products.isEmpty() ? null : products.get(i);
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
            lines.add(new CartView.Line(line.sku(), product == null ? null : product.name(), unit, line.quantity(),
                    lineTotal, units, units == null ? null : units >= line.quantity()));
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
