package org.emporium.storefront.web;

/** What an error page says; never anything about the failure's internals. */
public record ErrorView(int status, String heading, String message, String actionLabel, String actionHref) {

    static final ErrorView NOT_FOUND = new ErrorView(404, "We couldn\u2019t find that page",
            "The product or category you were looking for isn\u2019t here. It may have moved, or the link may be mistyped.",
            "Back to the home page", "/");

    static final ErrorView UNAVAILABLE = new ErrorView(503, "We\u2019ll be right back",
            "Our catalog is taking a moment to respond. Please try again in a few seconds.",
            "Try again", null);

    static final ErrorView BAD_REQUEST = new ErrorView(400, "That request didn\u2019t look right",
            "Something in the address wasn\u2019t understood. Starting from the home page usually helps.",
            "Back to the home page", "/");

    /** The same view, with the action pointing back at the page that failed (for "try again"). */
    ErrorView retrying(String href) {
        return new ErrorView(status, heading, message, actionLabel, href);
    }
}
