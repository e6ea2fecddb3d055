package org.emporium.storefront.web.cart;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import org.emporium.storefront.client.cart.CartIds;
import org.emporium.storefront.web.session.SameOrigin;

/**
 * The anonymous shopper's cart id, the capability to their cart: {@code cart=<id>; Path=/;
 * Max-Age=30 days; HttpOnly; Secure; SameSite=Lax}. HttpOnly keeps it from scripts, Secure from
 * plain HTTP, and Lax from cross-site POSTs (one of the CSRF defences, see {@link SameOrigin}).
 */
public final class CartCookie {

    public static final String NAME = "cart";
    static final int MAX_AGE_SECONDS = (int) Duration.ofDays(30).toSeconds();

    private CartCookie() {
    }

    /** The cart id in the cookie's value, or null when absent or not shaped like an id. */
    public static String id(String value) {
        return CartIds.isValid(value) ? value : null;
    }

    public static NewCookie of(String cartId, boolean secure) {
        return build(cartId, MAX_AGE_SECONDS, secure);
    }

    /** Tells the browser to forget the cookie (the cart is gone). */
    public static NewCookie expired(boolean secure) {
        return build("", 0, secure);
    }

    private static NewCookie build(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(NAME).value(value).path("/").maxAge(maxAge)
                .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }
}
