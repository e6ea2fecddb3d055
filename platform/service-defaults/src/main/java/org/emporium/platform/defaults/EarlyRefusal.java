package org.emporium.platform.defaults;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * The answer to a request refused before the REST layer reads it (a form that cannot be decoded, a
 * target that is no URI, a limit passed): problem+json, or, for a browser ({@code Accept: text/html})
 * on a page (any path outside {@code /api/}), a short page with the same status and a way back to the
 * shop. The connection is closed: what is
 * left of the request is not worth reading.
 */
final class EarlyRefusal {

    private EarlyRefusal() {
    }

    /**
     * @param lead   the page's sentence before the detail ("The form could not be read")
     * @param advice what the page tells the shopper to do, or empty
     */
    static void send(RoutingContext ctx, int status, String title, String detail, String lead, String advice) {
        if (ctx.response().ended()) {
            return;
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        // the APIs (everything under /api) answer problems, whatever the client accepts
        boolean html = accept != null && accept.contains("text/html") && !ctx.request().uri().startsWith("/api/");
        String body = html
                ? "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                        + "<body><h1>" + title + "</h1><p>" + lead + ": " + escaped(detail) + "." + (advice.isEmpty() ? "" : " " + advice)
                        + "</p><p><a href=\"/\">Back to the shop</a></p></body></html>"
                : Json.encode(Problem.of(status, title, detail).at(pathOf(ctx), null));
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, html ? "text/html; charset=utf-8" : Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }

    /** The path as sent, without the query: it may be no URI at all, and it is never decoded here. */
    private static String pathOf(RoutingContext ctx) {
        String uri = ctx.request().uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
