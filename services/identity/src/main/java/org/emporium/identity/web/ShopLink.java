package org.emporium.identity.web;

import java.net.URI;
import java.util.List;
import org.emporium.identity.IdentityProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The shop's address, for the pages' header (the brand) and their "Back to the shop" link:
 * {@code emporium.identity.shop-url} ({@code EMPORIUM_IDENTITY_SHOP_URL}) when set, else the storefront
 * client's first post-logout redirect URI, which is the shop's home page wherever the storefront client
 * is configured (the launcher and the Kubernetes overlays set it to the gateway's public address).
 * Checked at start: an absolute http or https URL, so a page never links to anything else.
 */
@ControllerAdvice(assignableTypes = PageController.class)
public class ShopLink {

    private final String url;

    public ShopLink(IdentityProperties properties) {
        this.url = url(properties.shopUrl(), properties.clients().storefront().postLogoutRedirectUris());
    }

    @ModelAttribute("shopUrl")
    public String shopUrl() {
        return url;
    }

    static String url(String configured, List<String> postLogoutRedirectUris) {
        String url = configured != null && !configured.isBlank() ? configured.strip()
                : postLogoutRedirectUris == null || postLogoutRedirectUris.isEmpty() ? ""
                : postLogoutRedirectUris.getFirst().strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw notAShopUrl(url);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw notAShopUrl(url);
        }
        return url;
    }

    private static IllegalStateException notAShopUrl(String url) {
        return new IllegalStateException("emporium.identity.shop-url (EMPORIUM_IDENTITY_SHOP_URL, or else the "
                + "storefront's first post-logout redirect URI) must be an absolute http(s) URL, was '" + url + "'");
    }
}
