package org.emporium.storefront.web.layout;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.emporium.storefront.client.catalog.Category;

/**
 * The header's category links, rendered once per category list and current category rather than
 * on every page view. Every page shows them twice (the phone menu and the bar below the header),
 * 25 links each: rendering them was the largest part of a product page's templating
 * (docs/performance.md). The list only changes when the catalog's does, so the markup is kept
 * for the list last seen, one entry per category that can be current (and one for none).
 */
@ApplicationScoped
public class CategoryNav {

    /** The two renderings of the nav a page includes; markup, already escaped. */
    public record Markup(RawString menu, RawString bar) {
    }

    private record Rendered(List<Category> categories, Map<String, Markup> byCurrent) {
    }

    private final Template links;
    private volatile Rendered rendered = new Rendered(List.of(), new ConcurrentHashMap<>());

    CategoryNav(@Location("tags/categoryLinks") Template links) {
        this.links = links;
    }

    /** The nav for {@code categories} with {@code currentSlug} marked; null when there are no categories. */
    public Markup of(List<Category> categories, String currentSlug) {
        if (categories.isEmpty()) {
            return null;
        }
        Rendered last = rendered;
        // the same list object while the catalog client's cache holds it (kept as given, not copied,
        // so a page view compares one reference; those lists are never changed once cached), an
        // equal new one after a refresh
        if (last.categories() != categories && !last.categories().equals(categories)) {
            last = new Rendered(categories, new ConcurrentHashMap<>());
            rendered = last;
        }
        // only the list's own slugs are keys: a slug from a request cannot grow the map
        String current = categories.stream().anyMatch(c -> c.slug().equals(currentSlug)) ? currentSlug : "";
        List<Category> list = last.categories();
        return last.byCurrent().computeIfAbsent(current, slug -> render(list, slug));
    }

    private Markup render(List<Category> categories, String currentSlug) {
        List<PageFrame.NavLink> nav = categories.stream()
                .map(c -> new PageFrame.NavLink(c.name(), "/c/" + c.slug(), c.slug().equals(currentSlug)))
                .toList();
        RawString menu = new RawString(links.data("links", nav).data("listClass", "category-menu__list").render());
        RawString bar = new RawString(links.data("links", nav).data("navClass", "category-nav")
                .data("listClass", "container category-nav__list").render());
        return new Markup(menu, bar);
    }
}
