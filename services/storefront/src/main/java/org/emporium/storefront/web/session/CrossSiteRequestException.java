package org.emporium.storefront.web.session;

/** A cart change that didn't come from our own pages (see {@link SameOrigin}); a 403 page. */
public class CrossSiteRequestException extends RuntimeException {

    public CrossSiteRequestException() {
        super("cross-site request refused", null, false, false);
    }
}
