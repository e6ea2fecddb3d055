package org.emporium.storefront.web.search;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.search.SearchClient;
import org.emporium.storefront.client.search.SearchQuery;
import org.emporium.storefront.client.search.SuggestQuery;
import org.emporium.storefront.web.layout.Htmx;
import org.emporium.storefront.web.layout.PageFrames;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * {@code /search?q=&category=&brand=&minPrice=&maxPrice=&sort=&page=&size=}: the results page,
 * whose query string mirrors the search API's; and {@code /search/suggest?q=}, the suggestions
 * the header's search box shows as the shopper types. Like the category page, an htmx request
 * gets only the results region.
 */
@Path("/search")
public class SearchPage {

    static final int SUGGESTIONS = 8;

    private final SearchClient search;
    private final CatalogClient catalog;
    private final PageFrames frames;

    SearchPage(SearchClient search, CatalogClient catalog, PageFrames frames) {
        this.search = search;
        this.catalog = catalog;
        this.frames = frames;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @ResponseHeader(name = "Vary", value = Htmx.REQUEST)
    public Uni<String> results(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
                               @QueryParam("category") List<String> categories, @QueryParam("brand") List<String> brands,
                               @QueryParam("minPrice") String minPrice, @QueryParam("maxPrice") String maxPrice,
                               @QueryParam("sort") String sort, @HeaderParam(Htmx.REQUEST) String htmx,
                               @HeaderParam(Htmx.HISTORY_RESTORE) String historyRestore) {
        SearchQuery query = SearchParams.parse(q, page, size, categories, brands, minPrice, maxPrice, sort);
        // the categories only name the facet values and fill the nav: without them, slugs will do
        Uni<List<Category>> known = catalog.categories().onFailure().recoverWithItem(List.of());
        return Uni.combine().all().unis(known, search.search(query)).asTuple()
                .flatMap(t -> {
                    SearchView view = SearchView.of(query, t.getItem2(), t.getItem1());
                    String title = query.q().isEmpty() ? "Search" : query.q() + " \u00b7 Search";
                    return Htmx.wantsFragment(htmx, historyRestore)
                            ? Htmx.announcing(Templates.search$results(view), view.summary())
                            : Templates.search(frames.frame(title, t.getItem1(), null, query.q()), view).createUni();
                });
    }

    /**
     * An HTML fragment: a list of links (for a misspelt word, those of the corrected text, under
     * "Showing suggestions for …"); or, when search knows nothing that starts so, a line saying so and that Enter still searches (search itself forgives typos); or
     * nothing at all when search is down or slow. Empty and overlong input asks search for nothing.
     */
    @GET
    @Path("/suggest")
    @Produces(MediaType.TEXT_HTML)
    public Uni<String> suggest(@QueryParam("q") String q) {
        SuggestQuery query = new SuggestQuery(q, SUGGESTIONS);
        if (query.prefix().isEmpty() || query.prefix().length() > SearchParams.MAX_TEXT) {
            return Uni.createFrom().item("");
        }
        return search.suggest(query).flatMap(answer -> {
            if (answer.isEmpty()) {
                return Uni.createFrom().item("");
            }
            List<SuggestionLink> links = answer.get().suggestions().stream().filter(s -> s.text() != null && !s.text().isBlank())
                    .map(SuggestionLink::of).toList();
            String corrected = links.isEmpty() ? null : answer.get().didYouMean();
            return Templates.suggestions(links, query.prefix(), corrected,
                    corrected == null ? null : "/search?q=" + SearchLinks.encode(corrected)).createUni().map(String::strip);
        });
    }
}
