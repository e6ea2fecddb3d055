package org.emporium.storefront.web.account;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.orders.OrdersClient;
import org.emporium.storefront.web.layout.ErrorPages;
import org.emporium.storefront.web.layout.PageFrames;
import org.emporium.storefront.web.layout.PriceFormat;
import org.emporium.storefront.web.session.AccountSession;
import org.emporium.storefront.web.session.ReturnPaths;
import org.emporium.storefront.web.session.SessionContext;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /account/orders?page=N}, "My orders": the signed-in shopper's orders, 20 a page, from
 * the orders service with their access token. Signed out: 303 to {@code /login?return=/account/orders}
 * (also when orders no longer accepts the token). Orders down: the 503 page ({@link ErrorPages}).
 */
@Path("/account")
public class MyOrdersPage {

    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    static final int ORDERS_PAGE_SIZE = 20;

    private final OrdersClient orders;
    private final CatalogClient catalog;
    private final PageFrames frames;

    MyOrdersPage(OrdersClient orders, CatalogClient catalog, PageFrames frames) {
        this.orders = orders;
        this.catalog = catalog;
        this.frames = frames;
    }

    @GET
    @Path("orders")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> myOrders(@RestQuery("page") String pageParam) {
        AccountSession session = SessionContext.account();
        if (session == null) {
            return Uni.createFrom().item(signIn("/account/orders"));
        }
        int page = parsePage(pageParam);
        return orders.mine(session.bearer(), page, ORDERS_PAGE_SIZE)
                .flatMap(list -> catalog.categories().onFailure().recoverWithItem(List.<Category>of())
                        .flatMap(categories -> Templates.accountOrders(frames.frame("My orders", categories, null),
                                AccountOrdersView.of(list, page, ORDERS_PAGE_SIZE)).createUni()))
                .map(html -> Response.ok(html, HTML).header("Cache-Control", "no-store").build())
                .onFailure(UpstreamRejectedException.class).recoverWithItem(failure -> {
                    // 401: orders doesn't accept the token any more; a fresh sign-in fixes it
                    SessionContext.current().signOut();
                    return signIn("/account/orders");
                });
    }

    private static Response signIn(String returnPath) {
        return Response.seeOther(URI.create(ReturnPaths.signInThenBackTo(returnPath)))
                .header("Cache-Control", "no-store").build();
    }

    private static int parsePage(String value) {
        if (value == null || !value.strip().matches("\\d{1,6}")) {
            return 0;
        }
        return Integer.parseInt(value.strip());
    }

    /** The rows and page links of "My orders". */
    public record AccountOrdersView(List<Row> rows, long total, String previousHref, String nextHref, String summary) {

        /** A page past the last one: there are orders, just not here. */
        public boolean beyondEnd() {
            return rows.isEmpty() && total > 0;
        }

        /** One order: the id (a link to its page), when it was placed, its status (and why, if cancelled) and total. */
        public record Row(String id, String href, String date, String status, String reason, String total) {
        }

        static AccountOrdersView of(org.emporium.storefront.client.orders.OrderList list, int page, int size) {
            List<Row> rows = new ArrayList<>();
            for (org.emporium.storefront.client.orders.OrderList.Summary s : list.items()) {
                if (s == null || !org.emporium.storefront.client.orders.OrderIds.isValid(s.id())) {
                    continue;
                }
                String reason = "CANCELLED".equals(s.status())
                        ? org.emporium.storefront.web.checkout.OrderStatusView.reasonText(s.reason(), null) : null;
                rows.add(new Row(s.id(), "/orders/" + s.id(), date(s.createdAt()), status(s.status()), reason,
                        s.total() == null ? "" : PriceFormat.format(s.total())));
            }
            long shownFrom = (long) page * size + 1;
            long shownTo = (long) page * size + rows.size();
            String previous = page > 0 ? "/account/orders?page=" + (page - 1) : null;
            String next = shownTo < list.total() ? "/account/orders?page=" + (page + 1) : null;
            String summary = rows.isEmpty() ? "" : "Showing " + shownFrom + "\u2013" + shownTo + " of " + list.total()
                    + (list.total() == 1 ? " order" : " orders");
            return new AccountOrdersView(rows, list.total(), previous, next, summary);
        }

        private static String date(String instant) {
            if (instant == null) {
                return "";
            }
            try {
                return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                        .format(java.time.OffsetDateTime.parse(instant).atZoneSameInstant(java.time.ZoneOffset.UTC));
            } catch (java.time.format.DateTimeParseException e) {
                return instant.length() > 10 ? instant.substring(0, 10) : instant;
            }
        }

        private static String status(String status) {
            if (status == null) {
                return "";
            }
            return switch (status) {
                case "PENDING" -> "Being placed";
                case "CONFIRMED" -> "Confirmed";
                case "CANCELLED" -> "Cancelled";
                default -> status.charAt(0) + status.substring(1).toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
