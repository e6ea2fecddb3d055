package org.emporium.storefront.web.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Where a listing page sits among all pages. Pages are zero-based like the catalog API; labels are
 * one-based for people. Long ranges are shortened to first, last and the neighbours of the current
 * page, with gaps between: {@code 1 … 4 5 [6] 7 8 … 20}.
 */
public record Pagination(int page, int size, long total) {

    /** How many pages on each side of the current one are linked directly. */
    static final int NEIGHBOURS = 2;

    public Pagination {
        if (page < 0 || size < 1 || total < 0) {
            throw new IllegalArgumentException("page >= 0, size >= 1, total >= 0 required");
        }
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    /** True when the page asked for lies past the last one, so it has no items. */
    public boolean beyondEnd() {
        return page >= totalPages();
    }

    /** One-based number of the first item on this page, 0 when the page is empty. */
    public long firstItem() {
        return beyondEnd() || total == 0 ? 0 : (long) page * size + 1;
    }

    public long lastItem() {
        return beyondEnd() ? 0 : Math.min(total, (long) (page + 1) * size);
    }

    /** "Showing 25–48 of 210 products", or a plain count when everything fits on one page. */
    public String summary() {
        String noun = total == 1 ? "product" : "products";
        if (total == 0 || beyondEnd()) {
            return total + " " + noun;
        }
        if (totalPages() == 1) {
            return total + " " + noun;
        }
        return "Showing " + firstItem() + "\u2013" + lastItem() + " of " + total + " " + noun;
    }

    /** The numbered links to show, gaps included, each with its address made by {@code href}. */
    public List<PageLink> links(IntFunction<String> href) {
        int last = totalPages() - 1;
        int current = Math.min(page, last);
        List<PageLink> links = new ArrayList<>();
        int previous = -1;
        for (int p = 0; p <= last; p++) {
            boolean shown = p == 0 || p == last || Math.abs(p - current) <= NEIGHBOURS;
            if (!shown) {
                continue;
            }
            if (p - previous == 2) {
                // a gap would stand for a single page: show that page instead
                links.add(link(previous + 1, href));
            } else if (p - previous > 2) {
                links.add(PageLink.GAP);
            }
            links.add(link(p, href));
            previous = p;
        }
        return links;
    }

    private PageLink link(int p, IntFunction<String> href) {
        return new PageLink(Integer.toString(p + 1), href.apply(p), p == page, false);
    }

    /** A numbered page link, or a gap ({@code …}) standing for the pages left out. */
    public record PageLink(String label, String href, boolean current, boolean gap) {
        static final PageLink GAP = new PageLink("\u2026", null, false, true);
    }
}
