package org.emporium.storefront.web.search;

/** A /search address the storefront won't pass on to search; the message is shown on the 400 page. */
public class BadSearchException extends RuntimeException {

    BadSearchException(String message) {
        // expected (hand-edited URLs, bots): no stack trace
        super(message, null, false, false);
    }
}
