package org.emporium.storefront.web.session;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import org.emporium.storefront.behaviour.ShopperIds;

/**
 * The long-lived shopper id: {@code emporium_shopper=<id>; Path=/; Max-Age=1 year; HttpOnly;
 * Secure; SameSite=Lax}, a random id ({@link ShopperIds}) that ties a browser's views together for
 * recommendations. Unlike the cart id it grants nothing, but it is still kept from scripts
 * (HttpOnly) and from plain HTTP (Secure, with the cart cookie's switch). {@link ShopperFilter}
 * gives every page view one and keeps it in the request's Vert.x context, where the pages find it.
 */
public final class ShopperCookie {

    static final String NAME = "emporium_shopper";
    static final int MAX_AGE_SECONDS = (int) Duration.ofDays(365).toSeconds();
    private static final String KEY = "storefront.shopper";

    private ShopperCookie() {
    }

    /** The shopper id in the cookie's value, or null when absent or not shaped like one. */
    static String id(String value) {
        return ShopperIds.isValid(value) ? value : null;
    }

    static NewCookie of(String shopperId, boolean secure) {
        return new NewCookie.Builder(NAME).value(shopperId).path("/").maxAge(MAX_AGE_SECONDS)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }

    /** Remembers the shopper for the rest of this request (a no-op outside a request). */
    static void remember(String shopperId) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(KEY, shopperId);
        }
    }

    /** This request's shopper id, or null outside a page request. */
    public static String current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        return ContextLocals.<String>get(KEY).orElse(null);
    }
}
