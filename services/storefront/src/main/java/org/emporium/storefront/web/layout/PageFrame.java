package org.emporium.storefront.web.layout;

import io.quarkus.qute.TemplateData;
import org.emporium.storefront.web.cart.MiniCart;

/**
 * What the shared layout needs on every page: the document title, the category nav (null without
 * categories; rendered by {@link CategoryNav}), where htmx is
 * served from, the text already in the header's search box (empty except on results pages), and
 * the header's mini-cart count, the signed-in shopper (null when signed out), and the {@code ?return=}
 * that brings a shopper who signs in from here back here (empty for the home page).
 */
public record PageFrame(String title, CategoryNav.Markup nav, String htmxScript, String searchText, MiniCart miniCart,
                        Account account, String returnQuery) {

    /** The "Sign in" link: back to this page afterwards. */
    public String signInHref() {
        return "/login" + returnQuery;
    }

    /** The "Sign up" link: back to this page afterwards. */
    public String signUpHref() {
        return "/signup" + returnQuery;
    }

    /**
     * The signed-in shopper as the header shows them: their email, and the sign-out form's CSRF token.
     */
    public record Account(String email, String csrf) {
    }

    /**
     * A category link in the header nav; {@code current} marks the category being viewed. Template
     * data of its own: {@link CategoryNav} renders it with the tag's template, which no checked
     * template's expression types.
     */
    @TemplateData
    public record NavLink(String name, String href, boolean current) {
    }
}
