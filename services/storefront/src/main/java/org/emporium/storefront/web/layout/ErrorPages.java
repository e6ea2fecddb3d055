package org.emporium.storefront.web.layout;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.storefront.client.catalog.CatalogClient;
import org.emporium.storefront.web.search.BadSearchException;
import org.emporium.storefront.web.session.CrossSiteRequestException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Friendly HTML error pages for people, instead of the problem+json answers service-defaults gives
 * API clients. These mappers are more specific than service-defaults' ones, so they win; anything
 * else still ends up there as a problem (never a stack trace).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    /** Seconds a browser or crawler should wait before retrying: about the breaker's open delay. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final CatalogClient catalog;
    private final PageFrames frames;

    ErrorPages(CatalogClient catalog, PageFrames frames) {
        this.catalog = catalog;
        this.frames = frames;
    }

    @ServerExceptionMapper
    public Uni<Response> pageNotFound(PageNotFoundException e, UriInfo uri, HttpHeaders headers) {
        return page(ErrorView.NOT_FOUND, uri, headers);
    }

    /** No page there; under /api/ (the mobile API) a problem, as its clients are programs. */
    @ServerExceptionMapper
    public Uni<Response> noSuchRoute(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        if (uri.getPath().startsWith("/api/")) {
            return Uni.createFrom().item(org.emporium.platform.defaults.Problem.of(404, "Not Found",
                    "no resource at " + uri.getPath()).toResponse());
        }
        return page(ErrorView.NOT_FOUND, uri, headers);
    }

    /**
     * An upstream that could not answer, said for what the shopper was doing: only the results page
     * calls search for a whole page, only the cart page and cart changes need the cart (the header's
     * mini-cart just shows no count), only the order page needs orders to show something (checkout
     * handles its own failure); every page needs the catalog.
     */
    @ServerExceptionMapper
    public Uni<Response> unavailable(UpstreamUnavailableException e, UriInfo uri, HttpHeaders headers) {
        LOG.warnf("%s unavailable for %s: %s", e.upstream(), uri.getPath(), e.getMessage());
        Uni<Response> page = switch (e.upstream()) {
            case "search" -> page(ErrorView.SEARCH_UNAVAILABLE.retrying(sameSite(uri)), uri, headers);
            // a failed POST is retried from the cart page, not by re-sending the form
            case "cart" -> page(ErrorView.CART_UNAVAILABLE, "/cart", headers);
            case "orders" -> page(ErrorView.ORDERS_UNAVAILABLE.retrying(sameSite(uri)), uri, headers);
            default -> page(ErrorView.UNAVAILABLE.retrying(sameSite(uri)), uri, headers);
        };
        return page.map(r -> Response.fromResponse(r).header("Retry-After", RETRY_AFTER_SECONDS).build());
    }

    /** A 4xx to a request the storefront built: the two services disagree on the contract. */
    @ServerExceptionMapper
    public Uni<Response> rejected(UpstreamRejectedException e, UriInfo uri, HttpHeaders headers) {
        LOG.warnf("%s rejected the request for %s: %s", e.upstream(), uri.getPath(), e.getMessage());
        return page(e.from("search") ? ErrorView.BAD_SEARCH : ErrorView.BAD_REQUEST, uri, headers);
    }

    /** An unknown order (or an id that can't be one); the pages turn other services' 404s into answers themselves. */
    @ServerExceptionMapper
    public Uni<Response> notFound(UpstreamNotFoundException e, UriInfo uri, HttpHeaders headers) {
        return page(e.from("orders") ? ErrorView.ORDER_NOT_FOUND : ErrorView.NOT_FOUND, uri, headers);
    }

    @ServerExceptionMapper
    public Uni<Response> badSearch(BadSearchException e, UriInfo uri, HttpHeaders headers) {
        return page(ErrorView.badSearch(e.getMessage()), uri, headers);
    }

    @ServerExceptionMapper
    public Uni<Response> crossSite(CrossSiteRequestException e, UriInfo uri, HttpHeaders headers) {
        LOG.infof("refused a cross-site %s", uri.getPath());
        return page(ErrorView.CROSS_SITE, "/cart", headers);
    }

    private Uni<Response> page(ErrorView view, UriInfo uri, HttpHeaders headers) {
        return page(view, sameSite(uri), searchText(uri), headers);
    }

    private Uni<Response> page(ErrorView view, String htmxRedirect, HttpHeaders headers) {
        return page(view, htmxRedirect, "", headers);
    }

    private Uni<Response> page(ErrorView view, String htmxRedirect, String searchText, HttpHeaders headers) {
        // rendered from what is already known: the catalog may be the very thing that failed
        PageFrame frame = frames.frame(view.heading(), catalog.knownCategories(), null, searchText);
        boolean htmx = "true".equals(headers.getHeaderString(Htmx.REQUEST));
        return ErrorTemplates.error(frame, view).createUni().map(html -> {
            Response.ResponseBuilder response = Response.status(view.status()).type(HTML).entity(html)
                    .header("Cache-Control", "no-store");
            if (htmx) {
                // htmx does not swap error answers; send the browser to the full error page instead
                response.header(Htmx.REDIRECT, htmxRedirect);
            }
            return response.build();
        });
    }

    /** What the shopper searched for, back in the search box when the search itself failed. */
    private static String searchText(UriInfo uri) {
        String q = uri.getPath().startsWith("/search") ? uri.getQueryParameters().getFirst("q") : null;
        return q == null ? "" : q.strip();
    }

    /** The requested path and query as a same-site link: leading slashes collapsed so it can't leave the site. */
    static String sameSite(UriInfo uri) {
        String path = "/" + uri.getRequestUri().getRawPath().replaceFirst("^/+", "");
        String query = uri.getRequestUri().getRawQuery();
        return query == null ? path : path + "?" + query;
    }
}
