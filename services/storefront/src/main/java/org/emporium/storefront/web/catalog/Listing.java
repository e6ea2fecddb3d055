package org.emporium.storefront.web.catalog;

import java.util.List;
import org.emporium.storefront.web.layout.Pagination;

/**
 * A category's product grid with its sort order and pages. Links carry only non-default
 * parameters, so the first page sorted by name is simply {@code /c/<slug>}.
 */
public record Listing(String baseHref, SortOrder sort, Pagination pagination, List<ProductCard> products) {

    public String summary() {
        return pagination.summary();
    }

    public List<SortOrder.Choice> sortChoices() {
        return sort.choices();
    }

    public List<Pagination.PageLink> pageLinks() {
        return pagination.links(this::href);
    }

    public String previousHref() {
        return pagination.hasPrevious() ? href(Math.min(pagination.page(), pagination.totalPages()) - 1) : null;
    }

    public String nextHref() {
        return pagination.hasNext() ? href(pagination.page() + 1) : null;
    }

    /** True when there is more than one page, so the pagination nav is worth showing. */
    public boolean paged() {
        return pagination.totalPages() > 1 || pagination.beyondEnd();
    }

    public String firstPageHref() {
        return href(0);
    }

    String href(int page) {
        StringBuilder href = new StringBuilder(baseHref);
        char separator = '?';
        if (page > 0) {
            href.append(separator).append("page=").append(page);
            separator = '&';
        }
        if (sort != SortOrder.DEFAULT) {
            href.append(separator).append("sort=").append(sort.param());
        }
        return href.toString();
    }
}
