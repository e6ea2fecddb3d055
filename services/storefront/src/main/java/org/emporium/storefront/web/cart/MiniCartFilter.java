package org.emporium.storefront.web.cart;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import org.emporium.storefront.client.cart.CartClient;
import org.emporium.storefront.web.session.SessionContext;
import org.emporium.storefront.web.session.SessionFilter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Before a page is rendered, reads the shopper's cart item count for the header (only when the
 * cart cookie exists, and from a short cache). Never fails a page: no count is shown instead.
 */
public class MiniCartFilter {

    private final CartClient cart;

    MiniCartFilter(CartClient cart) {
        this.cart = cart;
    }

    /** After {@link SessionFilter} (a signed-in shopper's cart is read with their token). */
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION + 100)
    public Uni<Void> readCount(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) || !wantsCount(request.getUriInfo().getPath())) {
            return Uni.createFrom().voidItem();
        }
        Cookie cookie = request.getCookies().get(CartCookie.NAME);
        String id = CartCookie.id(cookie == null ? null : cookie.getValue());
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return cart.itemCount(SessionContext.bearer(), id)
                .onFailure().recoverWithNull()
                .invoke(MiniCart::remember)
                .replaceWithVoid();
    }

    /** Pages only: not the generated images, the search box's suggestions, the order page's live updates or the JSON API. */
    public static boolean wantsCount(String path) {
        return !path.startsWith("/images/") && !path.startsWith("/search/suggest") && !path.startsWith("/q/")
                && !path.startsWith("/api/")
                && !(path.startsWith("/orders/") && (path.endsWith("/live") || path.endsWith("/status")));
    }
}
