package org.emporium.storefront.web.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.catalog.ProductQuery;
import org.emporium.storefront.web.layout.Htmx;
import org.emporium.storefront.web.layout.PageFrames;
import org.emporium.storefront.web.layout.PageNotFoundException;
import org.emporium.storefront.web.layout.Pagination;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * {@code /c/{slug}?page=&sort=}: a category's products, sorted and paged. An htmx request gets only
 * the results region; everything else (plain links, no JavaScript) gets the whole page.
 */
@Path("/c")
public class CategoryPage {

    static final int PAGE_SIZE = 24;
    /** Far past any real category; keeps offsets sane when someone types page=2000000000. */
    static final int MAX_PAGE = 10_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final CatalogClient catalog;
    private final PageFrames frames;

    CategoryPage(CatalogClient catalog, PageFrames frames) {
        this.catalog = catalog;
        this.frames = frames;
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    // the same URL answers a fragment or a full page, so shared caches must key on the header
    @ResponseHeader(name = "Vary", value = Htmx.REQUEST)
    public Uni<String> category(@PathParam("slug") String slug, @QueryParam("page") String page,
                                @QueryParam("sort") String sort, @HeaderParam(Htmx.REQUEST) String htmx,
                                @HeaderParam(Htmx.HISTORY_RESTORE) String historyRestore) {
        if (!SLUG.matcher(slug).matches()) {
            throw new PageNotFoundException();
        }
        SortOrder order = SortOrder.fromParam(sort);
        int pageNumber = pageNumber(page);
        ProductQuery query = new ProductQuery(slug, pageNumber, PAGE_SIZE, order.param());
        return Uni.combine().all().unis(catalog.categories(), catalog.products(query)).asTuple()
                .flatMap(t -> {
                    Category category = t.getItem1().stream().filter(c -> c.slug().equals(slug)).findFirst()
                            .orElseThrow(PageNotFoundException::new);
                    Listing listing = new Listing("/c/" + slug, order,
                            new Pagination(pageNumber, PAGE_SIZE, t.getItem2().total()),
                            t.getItem2().items().stream().map(ProductCard::of).toList());
                    return Htmx.wantsFragment(htmx, historyRestore)
                            ? Htmx.announcing(Templates.category$results(listing), listing.summary())
                            : Templates.category(frames.frame(category.name(), t.getItem1(), slug), category, listing).createUni();
                });
    }

    /** Zero-based; anything missing, negative or unreadable means the first page. */
    static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(page.trim());
            return n < 0 ? 0 : Math.min(n, MAX_PAGE);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
