package org.emporium.storefront.web.cart;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.storefront.client.Sku;
import org.emporium.storefront.client.cart.Cart;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.client.cart.LineKey;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.recommendations.Recommendation;
import org.emporium.storefront.client.recommendations.RecommendationsClient;
import org.emporium.storefront.web.catalog.RecommendationCard;
import org.emporium.storefront.web.checkout.CheckoutPage;
import org.emporium.storefront.web.layout.ErrorTemplates;
import org.emporium.storefront.web.layout.ErrorView;
import org.emporium.storefront.web.layout.Htmx;
import org.emporium.storefront.web.layout.PageFrames;
import org.emporium.storefront.web.session.CrossSiteRequestException;
import org.emporium.storefront.web.session.SameOrigin;
import org.emporium.storefront.web.session.SessionContext;
import org.emporium.storefront.web.session.ShopperCookie;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The cart: {@code GET /cart} shows it; {@code POST /cart/items} adds (from the product page and
 * the product cards), {@code POST /cart/items/{sku}} sets a line's quantity (0 removes it) and
 * {@code POST /cart/items/{sku}/remove} removes it. Every form works without JavaScript (the
 * answer is a 303 to the cart page); with htmx ({@code HX-Request}) the answer is a fragment plus
 * an out-of-band swap of the header's mini-cart, and {@code HX-Trigger: cart-changed}. The cart
 * page also shows "Recommended for you" when the recommendations service has something in time.
 */
@Path("/cart")
public class CartPage {

    static final int MAX_QUANTITY = 99;
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    private static final String CHANGED_EVENT = "cart-changed";

    private final CartClient cart;
    private final CatalogClient catalog;
    private final PageFrames frames;
    private final RecommendationsClient recommendations;
    private final boolean secureCookie;

    CartPage(CartClient cart, CatalogClient catalog, PageFrames frames, RecommendationsClient recommendations,
             @ConfigProperty(name = "storefront.cart-cookie.secure", defaultValue = "true") boolean secureCookie) {
        this.cart = cart;
        this.catalog = catalog;
        this.frames = frames;
        this.recommendations = recommendations;
        this.secureCookie = secureCookie;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> show(@RestCookie(CartCookie.NAME) String cookie, @RestQuery("checkout") String checkout) {
        String id = CartCookie.id(cookie);
        String auth = SessionContext.bearer();
        String notice = CheckoutPage.cartNotice(checkout);
        // asked at the same time as the cart, and never failing (no section instead): the page
        // waits for them at most their 250 ms, and only when the cart answers faster than that
        Uni<List<Recommendation>> recommended = recommendations.recommendedFor(ShopperCookie.current(), id);
        if (id == null) {
            MiniCart.remember(null);
            return recommended.flatMap(r -> page(CartView.EMPTY.withMessage(notice), 200, r))
                    .map(Response.ResponseBuilder::build);
        }
        // empty: the cart expired (404)
        Uni<Optional<Cart>> read = cart.cart(auth, id).map(Optional::of)
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(Optional.empty());
        return Uni.combine().all().unis(read, recommended).asTuple()
                .flatMap(t -> {
                    Optional<Cart> found = t.getItem1();
                    if (found.isEmpty()) {
                        // the cart expired: an empty cart, and the browser forgets the dead id
                        MiniCart.remember(null);
                        return page(CartView.EMPTY.withMessage(notice), 200, t.getItem2())
                                .map(r -> r.cookie(CartCookie.expired(secureCookie)));
                    }
                    MiniCart.remember(found.get().itemCount());
                    return page(CartView.of(found.get()).withMessage(notice), 200, t.getItem2());
                })
                .map(Response.ResponseBuilder::build);
    }

    @POST
    @Path("/items")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> add(@RestForm String sku, @RestForm String quantity, @RestForm String size,
                             @RestCookie(CartCookie.NAME) String cookie,
                             @RestHeader("HX-Request") String hxRequest, HttpHeaders headers) {
        checkSameOrigin(headers);
        boolean htmx = "true".equals(hxRequest);
        Integer units = parseQuantity(quantity == null || quantity.isBlank() ? "1" : quantity, 1);
        if (!Sku.isValid(sku) || units == null || !validSize(size)) {
            return htmx ? feedback(400, "That item can\u2019t be added.", false, null)
                    : errorPage(ErrorView.cartRejected("That item can\u2019t be added.", Sku.isValid(sku) ? sku : null), null);
        }
        String current = CartCookie.id(cookie);
        String auth = SessionContext.bearer();
        return cart.add(auth, current, LineKey.of(sku, size), units)
                .flatMap(added -> {
                    if (added.refusal() != null) {
                        return refused(added, sku, htmx);
                    }
                    String cartId = added.cartId();
                    if (!htmx) {
                        return Uni.createFrom().item(seeCart().cookie(CartCookie.of(cartId, secureCookie)).build());
                    }
                    return cart.itemCount(auth, cartId).flatMap(count -> feedback(200, "Added to cart", true, count)
                            .map(r -> Response.fromResponse(r).cookie(CartCookie.of(cartId, secureCookie))
                                    .header("HX-Trigger", CHANGED_EVENT).build()));
                })
                .onFailure(UpstreamUnavailableException.class).recoverWithUni(failure -> htmx
                        // htmx doesn't swap a 5xx: say it where the shopper is looking instead
                        ? feedback(200, "Sorry, we couldn\u2019t reach your cart. Please try again.", false, null)
                        : Uni.createFrom().failure(failure));
    }

    /** The cart refused the line: its words where the shopper looks, and the cart made for it kept. */
    private Uni<Response> refused(CartClient.Added added, String sku, boolean htmx) {
        String detail = added.refusal().detail();
        String message = detail != null ? detail : "That item can\u2019t be added right now.";
        String keep = added.cartId();
        Uni<Response> answer = htmx ? feedback(422, message, false, null)
                : errorPage(ErrorView.cartRejected(message, sku), null);
        return answer.map(r -> keep == null ? r
                : Response.fromResponse(r).cookie(CartCookie.of(keep, secureCookie)).build());
    }

    @POST
    @Path("/items/{sku}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> change(@RestPath String sku, @RestForm String quantity, @RestForm String size,
                                @RestCookie(CartCookie.NAME) String cookie,
                                @RestHeader("HX-Request") String hxRequest, HttpHeaders headers) {
        checkSameOrigin(headers);
        Integer units = parseQuantity(quantity, 0);
        LineKey line = LineKey.of(sku, size);
        if (units == null) {
            return changed(cookie, line, hxRequest, (id, s) -> Uni.createFrom().failure(new UpstreamRejectedException("cart",
                    400, null, "Please enter a quantity between 0 and " + MAX_QUANTITY + ".", List.of())),
                    view -> Uni.createFrom().item(view));
        }
        String auth = SessionContext.bearer();
        return changed(cookie, line, hxRequest,
                (id, s) -> units == 0 ? cart.remove(auth, id, s) : cart.changeQuantity(auth, id, s, units),
                view -> Uni.createFrom().item(view));
    }

    @POST
    @Path("/items/{sku}/remove")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> remove(@RestPath String sku, @RestForm String quantity, @RestForm String size,
                                @RestCookie(CartCookie.NAME) String cookie,
                                @RestHeader("HX-Request") String hxRequest, HttpHeaders headers) {
        checkSameOrigin(headers);
        String auth = SessionContext.bearer();
        LineKey line = LineKey.of(sku, size);
        // the form says how many units the line had, so "Undo" can put them back
        Integer had = parseQuantity(quantity, 1);
        return changed(cookie, line, hxRequest, (id, s) -> cart.remove(auth, id, s), view -> had == null
                ? Uni.createFrom().item(view)
                : catalog.product(sku).onFailure().recoverWithItem(Optional.empty())
                        .map(p -> view.withRemoved(new CartView.Removed(line, p.map(found -> found.name()).orElse(sku), had))));
    }

    /** "Undo" after a removal: the units go back into the cart, and focus to that line's quantity. */
    @POST
    @Path("/items/{sku}/restore")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> restore(@RestPath String sku, @RestForm String quantity, @RestForm String size,
                                 @RestCookie(CartCookie.NAME) String cookie,
                                 @RestHeader("HX-Request") String hxRequest, HttpHeaders headers) {
        checkSameOrigin(headers);
        Integer units = parseQuantity(quantity, 1);
        String auth = SessionContext.bearer();
        LineKey line = LineKey.of(sku, size);
        return changed(cookie, line, hxRequest, (id, s) -> units == null
                ? Uni.createFrom().failure(new UpstreamRejectedException("cart", 400, null,
                        "That item can\u2019t be put back.", List.of()))
                : cart.add(auth, id, s, units).flatMap(added -> added.refusal() != null
                        ? Uni.createFrom().<Void>failure(added.refusal()) : Uni.createFrom().voidItem()),
                view -> Uni.createFrom().item(view.focusing(line)));
    }

    /**
     * Applies a change to a line, then answers the cart (a fragment for htmx, else a 303 to it);
     * {@code done} adds to the cart's view what the change has to say once it succeeded.
     */
    private Uni<Response> changed(String cookie, LineKey line, String hxRequest,
                                  java.util.function.BiFunction<String, LineKey, Uni<Void>> change,
                                  Function<CartView, Uni<CartView>> done) {
        boolean htmx = "true".equals(hxRequest);
        String id = CartCookie.id(cookie);
        if (id == null || !Sku.isValid(line.sku()) || !validSize(line.size())) {
            return Uni.createFrom().item(seeCart().build());
        }
        Uni<String> message = change.apply(id, line).replaceWith((String) null)
                .onFailure(UpstreamRejectedException.class).recoverWithItem(f -> {
                    String detail = ((UpstreamRejectedException) f).detail();
                    return detail != null ? detail : "That change couldn\u2019t be made.";
                });
        return message.flatMap(text -> {
            if (!htmx && text == null) {
                return Uni.createFrom().item(seeCart().build());
            }
            int status = text == null ? 200 : 422;
            return cart.cart(SessionContext.bearer(), id).flatMap(c -> {
                Uni<CartView> view = text == null ? done.apply(CartView.of(c)) : Uni.createFrom().item(CartView.of(c).withMessage(text));
                return view.flatMap(v -> answer(v, c.itemCount(), status, htmx));
            });
        }).onFailure(UpstreamNotFoundException.class).recoverWithUni(() ->
                // a 404 is either the line (gone already: another tab, a stale page) or the whole cart:
                // only a cart that can't be read any more loses its cookie
                cart.cart(SessionContext.bearer(), id)
                        .flatMap(c -> answer(CartView.of(c).withMessage("That item is no longer in your cart."), c.itemCount(), 422, htmx))
                        .onFailure(UpstreamNotFoundException.class).recoverWithItem(() -> seeCart()
                                .cookie(CartCookie.expired(secureCookie)).header(Htmx.REDIRECT, htmx ? "/cart" : null).build()));
    }

    /** The cart after a change: the page without htmx, else its contents and the header's count. */
    private Uni<Response> answer(CartView view, int itemCount, int status, boolean htmx) {
        if (!htmx) {
            MiniCart.remember(itemCount);
            return page(view, status, List.of()).map(Response.ResponseBuilder::build);
        }
        return Templates.cart$contents(view).createUni()
                .flatMap(html -> Templates.miniCartSwap(new MiniCart(itemCount)).createUni().map(html::concat))
                .map(html -> Response.status(status).type(HTML).entity(html).header("Cache-Control", "no-store")
                        .header("HX-Trigger", CHANGED_EVENT).build());
    }

    /** An htmx answer to an add: the status line under the button, and the header's count when known. */
    private Uni<Response> feedback(int status, String message, boolean ok, Integer count) {
        Uni<String> html = Templates.cartFeedback(message, ok).createUni();
        if (count != null) {
            html = html.flatMap(f -> Templates.miniCartSwap(new MiniCart(count)).createUni().map(f::concat));
        }
        return html.map(body -> Response.status(status).type(HTML).entity(body).header("Cache-Control", "no-store").build());
    }

    private Uni<Response.ResponseBuilder> page(CartView view, int status, List<Recommendation> recommended) {
        return catalog.categories().onFailure().recoverWithItem(List.<Category>of())
                .flatMap(categories -> Templates.cart(frames.frame("Your cart", categories, null), view,
                        RecommendationCard.of(recommended, categories, null)).createUni())
                .map(html -> Response.status(status).type(HTML).entity(html)
                        .header("Cache-Control", "no-store"));
    }

    private Uni<Response> errorPage(ErrorView view, Function<Response, Response> adjust) {
        return catalog.categories().onFailure().recoverWithItem(List.<Category>of())
                .flatMap(categories -> ErrorTemplates.error(frames.frame(view.heading(), categories, null), view).createUni())
                .map(html -> Response.status(view.status()).type(HTML).entity(html).header("Cache-Control", "no-store").build())
                .map(r -> adjust == null ? r : adjust.apply(r));
    }

    private static Response.ResponseBuilder seeCart() {
        return Response.seeOther(URI.create("/cart")).header("Cache-Control", "no-store");
    }

    public static void checkSameOrigin(HttpHeaders headers) {
        if (!SameOrigin.allows(headers.getHeaderString("Sec-Fetch-Site"), headers.getHeaderString("Origin"),
                headers.getHeaderString("Host"), headers.getHeaderString("X-Forwarded-Host"))) {
            throw new CrossSiteRequestException();
        }
    }

    /** A whole number from {@code min} to {@link #MAX_QUANTITY}, or null. */
    /** A size as the catalog writes them ("M", "3XL", "10.5"): absent, or short letters, digits and dots. */
    static boolean validSize(String size) {
        return size == null || size.isBlank() || size.strip().matches("[A-Za-z0-9.]{1,8}");
    }

    static Integer parseQuantity(String value, int min) {
        if (value == null || !value.strip().matches("\\d{1,3}")) {
            return null;
        }
        int n = Integer.parseInt(value.strip());
        return n < min || n > MAX_QUANTITY ? null : n;
    }
}
