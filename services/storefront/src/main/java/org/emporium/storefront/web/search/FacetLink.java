package org.emporium.storefront.web.search;

/**
 * One value of a facet on the results page: a link that adds the filter, or removes it when it is
 * selected. {@code count} is null when search gave none (a filter from the address that no facet
 * value matches, still listed so it can be removed).
 */
public record FacetLink(String label, String count, String href, boolean selected) {
}
