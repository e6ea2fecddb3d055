package org.emporium.storefront.web.session;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.storefront.behaviour.ShopperIds;
import org.emporium.storefront.web.cart.MiniCartFilter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every page view a shopper id: the one in the {@code emporium_shopper} cookie, or, when it
 * is missing or malformed, a new one that the response then sets (a valid cookie is never
 * re-sent, so its one-year life runs from the first visit). GET pages only, as for the mini-cart:
 * not the images, suggestions, live order updates or the JSON API.
 */
public class ShopperFilter {

    private static final String NEW_ID = "storefront.new-shopper-id";

    private final boolean secureCookie;

    ShopperFilter(@ConfigProperty(name = "storefront.cart-cookie.secure", defaultValue = "true") boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    @ServerRequestFilter
    public void identify(ContainerRequestContext request) {
        if (!isPage(request)) {
            return;
        }
        Cookie cookie = request.getCookies().get(ShopperCookie.NAME);
        String id = ShopperCookie.id(cookie == null ? null : cookie.getValue());
        if (id == null) {
            id = ShopperIds.newId();
            request.setProperty(NEW_ID, id);
        }
        ShopperCookie.remember(id);
    }

    @ServerResponseFilter
    public void setCookie(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(NEW_ID) instanceof String id) {
            // first, so a page's own cookie (the cart's) stays the last Set-Cookie, as before
            response.getHeaders().addFirst(HttpHeaders.SET_COOKIE, ShopperCookie.of(id, secureCookie));
        }
    }

    private static boolean isPage(ContainerRequestContext request) {
        return "GET".equals(request.getMethod()) && MiniCartFilter.wantsCount(request.getUriInfo().getPath());
    }
}
