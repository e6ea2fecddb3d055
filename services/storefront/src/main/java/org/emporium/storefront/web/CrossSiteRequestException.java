package org.emporium.storefront.web;

/** A cart change that didn't come from our own pages (see {@link SameOrigin}); a 403 page. */
class CrossSiteRequestException extends RuntimeException {

    CrossSiteRequestException() {
        super("cross-site request refused", null, false, false);
    }
}
