package org.emporium.storefront.web;

/** No such category or product: answered with the 404 page. */
class PageNotFoundException extends RuntimeException {

    PageNotFoundException() {
        // expected and frequent (bots, stale links): no stack trace
        super("not found", null, false, false);
    }
}
