package org.emporium.storefront.web.session;

import java.net.URI;

/**
 * The CSRF check for the cart's POST forms: a change must come from our own pages. Browsers say
 * where a request comes from: {@code Sec-Fetch-Site} (every current browser) must be
 * {@code same-origin} (or {@code none}: typed or bookmarked), and otherwise {@code Origin}, when
 * sent, must name this host (the {@code Host} or, behind the gateway, {@code X-Forwarded-Host}).
 * A request with neither header is not from a current browser and is let through; the cookie's
 * {@code SameSite=Lax} keeps older browsers from sending it on cross-site POSTs anyway.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean allows(String secFetchSite, String origin, String host, String forwardedHost) {
        if (secFetchSite != null) {
            return secFetchSite.equals("same-origin") || secFetchSite.equals("none");
        }
        if (origin == null) {
            return true;
        }
        String authority;
        try {
            authority = URI.create(origin.strip()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (authority == null) {
            return false; // "null" (sandboxed or privacy-sensitive contexts) is never ours
        }
        return authority.equalsIgnoreCase(strip(host)) || authority.equalsIgnoreCase(firstOf(forwardedHost));
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String firstOf(String forwarded) {
        if (forwarded == null) {
            return "";
        }
        int comma = forwarded.indexOf(',');
        return (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
    }
}
