package org.emporium.storefront.web.checkout;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.net.URI;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.orders.Order;
import org.emporium.storefront.client.orders.OrderIds;
import org.emporium.storefront.client.orders.OrdersClient;
import org.emporium.storefront.web.layout.PageFrames;
import org.emporium.storefront.web.session.ReturnPaths;
import org.emporium.storefront.web.session.SessionContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The order page. {@code GET /orders/{id}} shows the order's status panel: "Placing your order…"
 * while PENDING, the confirmation once CONFIRMED, the reason once CANCELLED. While it is pending, the
 * panel updates itself without a reload: the htmx SSE extension listens to {@code /orders/{id}/live},
 * which relays the orders service's event stream as rendered panels (event {@code status}) and ends
 * with event {@code end} at CONFIRMED or CANCELLED. When that stream can't be had (or ends early),
 * the relay's last panel polls {@code /orders/{id}/status} every 2 s instead, until the order is
 * finished. Without JavaScript, the pending page refreshes itself (a {@code noscript} meta refresh).
 */
@Path("/orders")
public class OrderPage {

    private static final Logger LOG = Logger.getLogger(OrderPage.class);
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    static final String STATUS_EVENT = "status";
    static final String END_EVENT = "end";
    /** htmx stops polling when an answer has this status. */
    static final int STOP_POLLING = 286;

    private final OrdersClient orders;
    private final CatalogClient catalog;
    private final PageFrames frames;

    OrderPage(OrdersClient orders, CatalogClient catalog, PageFrames frames) {
        this.orders = orders;
        this.catalog = catalog;
        this.frames = frames;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> show(@RestPath String id) {
        String orderId = checked(id);
        // orders' not found and unavailable become the 404 and 503 pages (ErrorPages)
        return orders.order(SessionContext.bearer(), orderId)
                .flatMap(order -> {
                    OrderStatusView view = OrderStatusView.of(orderId, order);
                    return catalog.categories().onFailure().recoverWithItem(List.<Category>of())
                            .flatMap(categories -> Templates.order(frames.frame(title(view), categories, null), view)
                                    .createUni());
                })
                .map(html -> Response.ok(html, HTML).header("Cache-Control", "no-store").build())
                .onFailure(UpstreamRejectedException.class).recoverWithItem(failure -> {
                    // an account's order: signed out, sign in and come back; anyone else's, there is none
                    if (((UpstreamRejectedException) failure).status() == 401) {
                        return Response.seeOther(URI.create(ReturnPaths.signInThenBackTo("/orders/" + orderId)))
                                .header("Cache-Control", "no-store").build();
                    }
                    throw new UpstreamNotFoundException("orders", "not the caller's order");
                });
    }

    /** The status panel alone: what the fallback poll swaps in. */
    @GET
    @Path("/{id}/status")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> status(@RestPath String id) {
        String orderId = checked(id);
        return orders.order(SessionContext.bearer(), orderId)
                .map(order -> OrderStatusView.of(orderId, order).polling(true))
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(() -> null)
                .onFailure(UpstreamRejectedException.class).recoverWithItem(() -> null) // not the caller's: nothing to show
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("order %s status unavailable: %s", orderId, failure.getMessage());
                    return OrderStatusView.placing(orderId).polling(true)
                            .withNotice("We can\u2019t check on your order just now; we\u2019ll keep trying.");
                })
                .flatMap(view -> view == null
                        ? Uni.createFrom().item(Response.status(STOP_POLLING).type(HTML)
                                .entity("<p class=\"order-panel__notice\">We couldn\u2019t find this order.</p>")
                                .header("Cache-Control", "no-store").build())
                        : Templates.order$panel(view).createUni().map(html -> Response.ok(html, HTML)
                                .header("Cache-Control", "no-store").build()));
    }

    /**
     * Server-sent events for the page: each state of the order as a rendered panel (event
     * {@code status}), then {@code end} once it is CONFIRMED or CANCELLED. If the orders service's
     * stream fails or ends while the order is still pending, the last event is a panel that polls
     * instead, then {@code end}.
     */
    @GET
    @Path("/{id}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@RestPath String id, @Context Sse sse) {
        String orderId = checked(id);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicReference<OrderStatusView> last = new AtomicReference<>();
        Multi<OutboundSseEvent> relayed = orders.follow(SessionContext.bearer(), orderId)
                .onItem().transformToUniAndConcatenate((Order order) -> {
                    OrderStatusView view = OrderStatusView.of(orderId, order);
                    last.set(view);
                    if (order.finished()) {
                        finished.set(true);
                    }
                    return panel(sse, view);
                })
                .onFailure().invoke(failure -> LOG.debugf("order %s events unavailable: %s", orderId, failure.getMessage()))
                .onFailure().recoverWithCompletion();
        Multi<OutboundSseEvent> ending = Multi.createFrom().deferred(() -> {
            if (finished.get()) {
                return Multi.createFrom().item(end(sse));
            }
            OrderStatusView current = last.get() == null ? OrderStatusView.placing(orderId) : last.get();
            return Multi.createBy().concatenating().streams(
                    panel(sse, current.polling(true)).toMulti(), Multi.createFrom().item(end(sse)));
        });
        return Multi.createBy().concatenating().streams(relayed, ending);
    }

    private static Uni<OutboundSseEvent> panel(Sse sse, OrderStatusView view) {
        return Templates.order$panel(view).createUni()
                .map(html -> sse.newEventBuilder().name(STATUS_EVENT).data(String.class, html.strip()).build());
    }

    private static OutboundSseEvent end(Sse sse) {
        return sse.newEventBuilder().name(END_EVENT).data(String.class, "done").build();
    }

    private static String title(OrderStatusView view) {
        if (view.confirmed()) {
            return "Order confirmed";
        }
        return view.cancelled() ? "Order cancelled" : "Placing your order";
    }

    /** The id, if it can be an order id (a UUID); otherwise the order's 404 page, without asking orders. */
    private static String checked(String id) {
        if (!OrderIds.isValid(id)) {
            throw new UpstreamNotFoundException("orders", "not an order id");
        }
        return id;
    }
}
