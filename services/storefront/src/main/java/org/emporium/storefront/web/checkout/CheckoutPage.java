package org.emporium.storefront.web.checkout;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.orders.OrderIds;
import org.emporium.storefront.client.orders.OrdersClient;
import org.emporium.storefront.web.cart.CartCookie;
import org.emporium.storefront.web.cart.CartPage;
import org.emporium.storefront.web.cart.CartView;
import org.emporium.storefront.web.cart.MiniCart;
import org.emporium.storefront.web.layout.PageFrames;
import org.emporium.storefront.web.session.AccountSession;
import org.emporium.storefront.web.session.SessionContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Checkout: {@code GET /checkout} shows the form (contact, shipping address, card) next to a summary
 * of the cart, with a new Idempotency-Key in a hidden field; {@code POST /checkout} places the order
 * with the orders service and, once it is accepted, sends the shopper to {@code /orders/{id}}. The cart
 * is kept: the orders service empties it once the order is confirmed, and a cancelled order (a
 * declined card) leaves it as it was, for {@code GET /checkout?retry={orderId}} ("Try another card"),
 * which fills in the cancelled order's email and address. A plain form: it works without JavaScript. The card number and CVC are
 * passed on to the orders service and nowhere else: never rendered back, never logged.
 */
@Path("/checkout")
public class CheckoutPage {

    private static final Logger LOG = Logger.getLogger(CheckoutPage.class);
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    static final String UNAVAILABLE = "Checkout is unavailable right now, please try again. Nothing has been ordered or charged.";
    static final String NOTICE_EMPTY = "empty";
    static final String NOTICE_EXPIRED = "expired";

    private final CartClient cart;
    private final OrdersClient orders;
    private final CatalogClient catalog;
    private final PageFrames frames;
    private final boolean secureCookie;

    CheckoutPage(CartClient cart, OrdersClient orders, CatalogClient catalog, PageFrames frames,
                 @ConfigProperty(name = "storefront.cart-cookie.secure", defaultValue = "true") boolean secureCookie) {
        this.cart = cart;
        this.orders = orders;
        this.catalog = catalog;
        this.frames = frames;
        this.secureCookie = secureCookie;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> show(@RestCookie(CartCookie.NAME) String cookie, @RestQuery String retry) {
        String id = CartCookie.id(cookie);
        if (id == null) {
            return Uni.createFrom().item(seeCart(null).build());
        }
        AccountSession account = SessionContext.account();
        return cart.cart(SessionContext.bearer(), id)
                .flatMap(c -> {
                    if (c.lines().isEmpty()) {
                        return Uni.createFrom().item(seeCart(NOTICE_EMPTY).build());
                    }
                    MiniCart.remember(c.itemCount());
                    // a signed-in shopper's email is filled in (they may change it for this order)
                    CheckoutForm blank = account == null ? CheckoutForm.blank() : CheckoutForm.blank().withEmail(account.email());
                    return retried(retry, blank).flatMap(form -> page(form, CartView.of(c), 200));
                })
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(() ->
                        seeCart(NOTICE_EXPIRED).cookie(CartCookie.expired(secureCookie)).build());
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> place(@RestForm String idempotencyKey, @RestForm String email, @RestForm String name,
                               @RestForm String line1, @RestForm String line2, @RestForm String city,
                               @RestForm String region, @RestForm String postalCode, @RestForm String country,
                               @RestForm String cardNumber, @RestForm String expiry, @RestForm String cvc,
                               @RestCookie(CartCookie.NAME) String cookie, HttpHeaders headers) {
        CartPage.checkSameOrigin(headers);
        CheckoutForm.Submission submission = new CheckoutForm.Submission(idempotencyKey, email, name, line1, line2,
                city, region, postalCode, country, cardNumber, expiry, cvc);
        CheckoutForm form = CheckoutForm.posted(submission);
        String cartId = CartCookie.id(cookie);
        if (cartId == null) {
            return Uni.createFrom().item(seeCart(null).build());
        }
        if (!OrderIds.isValid(cartId)) {
            // the orders service takes cart ids as UUIDs; a cookie that isn't one names no cart it knows
            return Uni.createFrom().item(seeCart(NOTICE_EXPIRED).cookie(CartCookie.expired(secureCookie)).build());
        }
        Map<String, String> problems = submission.problems();
        if (!problems.isEmpty()) {
            return again(form.withErrors(problems, "Please check the highlighted fields."), cartId, 400);
        }
        return orders.place(SessionContext.bearer(), form.idempotencyKey(), submission.toRequest(cartId))
                .map(orderId -> {
                    cart.invalidateCount(cartId);
                    // the cart stays: orders empties it once the order is confirmed, and a declined
                    // card leaves it for another try
                    return Response.seeOther(URI.create("/orders/" + orderId)).header("Cache-Control", "no-store").build();
                })
                .onFailure(UpstreamRejectedException.class).recoverWithUni(failure ->
                        rejected((UpstreamRejectedException) failure, form, cartId))
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(() ->
                        seeCart(NOTICE_EXPIRED).cookie(CartCookie.expired(secureCookie)).build())
                .onFailure(UpstreamUnavailableException.class).recoverWithUni(failure -> {
                    LOG.warnf("checkout unavailable: %s", failure.getMessage());
                    // the same key: the retry cannot order twice
                    return again(form.withErrors(Map.of(), UNAVAILABLE), cartId, 503)
                            .map(r -> Response.fromResponse(r).header("Retry-After", "5").build());
                });
    }

    /**
     * The form for another try at a cancelled order the caller may read: its email and address.
     * Anything else (no such order, not cancelled, orders away) is the blank form.
     */
    private Uni<CheckoutForm> retried(String orderId, CheckoutForm blank) {
        if (orderId == null || !OrderIds.isValid(orderId)) {
            return Uni.createFrom().item(blank);
        }
        return orders.order(SessionContext.bearer(), orderId)
                .map(order -> "CANCELLED".equals(order.status()) ? CheckoutForm.retrying(order) : blank)
                .onFailure().recoverWithItem(blank);
    }

    private Uni<Response> rejected(UpstreamRejectedException rejection, CheckoutForm form, String cartId) {
        if (OrdersClient.emptyCart(rejection)) {
            return Uni.createFrom().item(seeCart(NOTICE_EMPTY).build());
        }
        if (rejection.status() == 422 || rejection.status() == 409) {
            // the key was used for a different request (e.g. an earlier attempt with other details
            // whose answer was lost): this request gets a key of its own
            LOG.infof("orders refused checkout with %d (%s)", rejection.status(), rejection.title());
            return again(form.withNewKey().withErrors(Map.of(),
                    "We couldn\u2019t place the order as it was. Please check your details and place the order again."),
                    cartId, 422);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean unnamed = false;
        for (UpstreamRejectedException.FieldError error : rejection.errors()) {
            String field = CheckoutForm.formField(error.field());
            if (field == null) {
                unnamed = true;
            } else {
                fields.putIfAbsent(field, CheckoutForm.sentence(field, error.message()));
            }
        }
        String message = fields.isEmpty() || unnamed
                ? "We couldn\u2019t place the order with these details. Please check them and try again."
                : "Please check the highlighted fields.";
        return again(form.withErrors(fields, message), cartId, 400);
    }

    /** The form again, with its messages and the cart's summary (left out when the cart can't be read). */
    private Uni<Response> again(CheckoutForm form, String cartId, int status) {
        return cart.cart(SessionContext.bearer(), cartId).map(CartView::of)
                .onFailure().recoverWithNull()
                .flatMap(summary -> page(form, summary, status));
    }

    private Uni<Response> page(CheckoutForm form, CartView summary, int status) {
        return catalog.categories().onFailure().recoverWithItem(List.<Category>of())
                .flatMap(categories -> Templates.checkout(frames.frame("Checkout", categories, null), form, summary).createUni())
                .map(html -> Response.status(status).type(HTML).entity(html).header("Cache-Control", "no-store").build());
    }

    private static Response.ResponseBuilder seeCart(String notice) {
        return Response.seeOther(URI.create(notice == null ? "/cart" : "/cart?checkout=" + notice))
                .header("Cache-Control", "no-store");
    }

    /** What the cart page says after checkout sent the shopper back, by the fixed code in the link. */
    public static String cartNotice(String code) {
        if (NOTICE_EMPTY.equals(code)) {
            return "Your cart is empty, so there is nothing to check out yet.";
        }
        if (NOTICE_EXPIRED.equals(code)) {
            return "Your cart has expired. Please add the items again before checking out.";
        }
        return null;
    }
}
