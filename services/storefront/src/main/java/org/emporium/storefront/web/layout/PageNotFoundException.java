package org.emporium.storefront.web.layout;

/** No such category or product: answered with the 404 page. */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException() {
        // expected and frequent (bots, stale links): no stack trace
        super("not found", null, false, false);
    }
}
