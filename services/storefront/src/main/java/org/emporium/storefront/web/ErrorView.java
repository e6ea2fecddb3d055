package org.emporium.storefront.web;

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

    /** A 400 for a search we won't run, saying what was wrong with it. */
    static ErrorView badSearch(String message) {
        return new ErrorView(400, "We couldn\u2019t run that search", message, "Show all products", "/search", true);
    }

    /** The same view, with the action pointing back at the page that failed (for "try again"). */
    ErrorView retrying(String href) {
        return new ErrorView(status, heading, message, actionLabel, href, offersBrowsing);
    }
}
