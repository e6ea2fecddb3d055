package org.emporium.storefront.web;

import java.util.List;

/**
 * What the shared layout needs on every page: the document title, the category nav and where
 * htmx is served from.
 */
public record PageFrame(String title, List<NavLink> nav, String htmxScript) {

    /** A category in the header nav; {@code current} marks the category being viewed. */
    public record NavLink(String name, String href, boolean current) {
    }
}
