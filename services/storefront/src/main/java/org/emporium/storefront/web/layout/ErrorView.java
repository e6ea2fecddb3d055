package org.emporium.storefront.web.layout;

/**
 * What an error page says; never anything about the failure's internals.
 *
 * @param offersBrowsing whether to link the categories, for when what failed is finding something
 */
public record ErrorView(int status, String heading, String message, String actionLabel, String actionHref,
                        boolean offersBrowsing) {

    static final ErrorView NOT_FOUND = new ErrorView(404, "We couldn\u2019t find that page",
            "The product or category you were looking for isn\u2019t here. It may have moved, or the link may be mistyped.",
            "Back to the home page", "/", true);

    static final ErrorView UNAVAILABLE = new ErrorView(503, "We\u2019ll be right back",
            "Our catalog is taking a moment to respond. Please try again in a few seconds.",
            "Try again", null, false);

    static final ErrorView BAD_REQUEST = new ErrorView(400, "That request didn\u2019t look right",
            "Something in the address wasn\u2019t understood. Starting from the home page usually helps.",
            "Back to the home page", "/", false);

    static final ErrorView SEARCH_UNAVAILABLE = new ErrorView(503, "Search is temporarily unavailable",
            "We can\u2019t search the shop right now. Please try again in a few seconds, or browse by category meanwhile.",
            "Try again", null, true);

    static final ErrorView BAD_SEARCH = badSearch(
            "Something in the search wasn\u2019t understood. Try searching again from the box above.");

    static final ErrorView CART_UNAVAILABLE = new ErrorView(503, "Your cart is temporarily unavailable",
            "We can\u2019t reach your cart right now. Nothing in it is lost: please try again in a few seconds, or keep browsing meanwhile.",
            "Try again", "/cart", true);

    static final ErrorView CROSS_SITE = new ErrorView(403, "That didn\u2019t come from our shop",
            "For your safety, changes to your cart are accepted only from our own pages. Please try again from the product or cart page.",
            "Go to your cart", "/cart", false);

    static final ErrorView ORDER_NOT_FOUND = new ErrorView(404, "We couldn\u2019t find that order",
            "There is no order at this address. Please check the link, or keep shopping meanwhile.",
            "Back to the home page", "/", true);

    static final ErrorView ORDERS_UNAVAILABLE = new ErrorView(503, "Your order is temporarily out of view",
            "We can\u2019t look up your order right now. Nothing about it is lost: please try again in a few seconds.",
            "Try again", null, true);

    /** A 422 (or 400) for an add to cart the cart refused, with its reason ("Only 2 left"). */
    public static ErrorView cartRejected(String message, String sku) {
        return new ErrorView(422, "We couldn\u2019t add that to your cart", message,
                sku == null ? "Go to your cart" : "Back to the product", sku == null ? "/cart" : "/p/" + sku, false);
    }

    /** A 400 for a search we won't run, saying what was wrong with it. */
    static ErrorView badSearch(String message) {
        return new ErrorView(400, "We couldn\u2019t run that search", message, "Show all products", "/search", true);
    }

    /** The same view, with the action pointing back at the page that failed (for "try again"). */
    ErrorView retrying(String href) {
        return new ErrorView(status, heading, message, actionLabel, href, offersBrowsing);
    }
}
