package org.emporium.storefront.web.cart;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.emporium.storefront.web.layout.PageFrames;

/**
 * The header's cart link and item count. {@code count} is null when there is nothing to show: no
 * cart cookie, or the cart service couldn't say. {@link MiniCartFilter} reads the count before a
 * page is rendered and keeps it in the request's Vert.x context, where {@link PageFrames} finds it.
 */
public record MiniCart(Integer count) {

    static final MiniCart UNKNOWN = new MiniCart(null);
    private static final String KEY = "storefront.mini-cart";

    public boolean known() {
        return count != null;
    }

    /** The accessible name of the header link, e.g. "Cart, 3 items". */
    public String label() {
        if (count == null) {
            return "Cart";
        }
        return "Cart, " + count + (count == 1 ? " item" : " items");
    }

    /** Remembers the count for the rest of this request (a no-op outside a request). */
    public static void remember(Integer count) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(KEY, new MiniCart(count));
        }
    }

    /** The count remembered for this request, or {@link #UNKNOWN}. */
    public static MiniCart current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return UNKNOWN;
        }
        return ContextLocals.<MiniCart>get(KEY).orElse(UNKNOWN);
    }
}
