package org.emporium.storefront.web;

import java.util.List;

/**
 * What the shared layout needs on every page: the document title, the category nav, where htmx is
 * served from, the text already in the header's search box (empty except on results pages), and
 * the header's mini-cart count.
 */
public record PageFrame(String title, List<NavLink> nav, String htmxScript, String searchText, MiniCart miniCart) {

    /** A category in the header nav; {@code current} marks the category being viewed. */
    public record NavLink(String name, String href, boolean current) {
    }
}
