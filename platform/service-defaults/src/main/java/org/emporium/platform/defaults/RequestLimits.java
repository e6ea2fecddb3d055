package org.emporium.platform.defaults;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request over a limit with a problem, before anything reads it: a target (path and
 * query) over {@code emporium.http.max-target-length} is a 414, headers over
 * {@code emporium.http.max-header-size} a 431, a declared body over
 * {@code quarkus.http.limits.max-body-size} a 413.
 *
 * <p>Vert.x's HTTP decoder enforces limits of its own and answers past them with an empty body and
 * a closed connection; it cannot be given another answer from a Quarkus service. So its limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set four
 * times higher, and the served limits are enforced here, with a body that says what was too large.
 * Only a request past the decoder's own limits still gets the empty answer. Quarkus enforces the
 * body limit for chunked bodies too (that answer has an empty body).
 *
 * <p>A target that is no URI ({@code /%zz}, a bad escape in the query) is a 400 problem. Quarkus makes
 * that check itself before any route, with an empty answer, unless the JVM runs with
 * {@code -Dvertx.disableURIValidation=true}; the launcher and the images start every Quarkus service
 * so, and the check is made here instead, with the same {@link URI} parser.
 */
public class RequestLimits {

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize body,
                 @ConfigProperty(name = "emporium.http.max-target-length") int target,
                 @ConfigProperty(name = "emporium.http.max-header-size") MemorySize headers) {
        long maxBody = body.asLongValue();
        long maxHeaders = headers.asLongValue();
        String tooLargeBody = problem(413, "Payload too large", "the request body is larger than " + maxBody + " bytes");
        String tooLongTarget = problem(414, "URI too long", "the request's path and query are longer than "
                + target + " characters");
        String tooLargeHeaders = problem(431, "Request header fields too large", "the request's headers are larger than "
                + maxHeaders + " bytes");
        String unreadableTarget = problem(400, "Bad Request", "the request's path or query is not a valid URI");
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            String length = request.getHeader("Content-Length");
            if (request.uri().length() > target) {
                refuse(ctx, 414, tooLongTarget);
            } else if (!isUri(request.uri())) {
                refuse(ctx, 400, unreadableTarget);
            } else if (headerBytes(request) > maxHeaders) {
                refuse(ctx, 431, tooLargeHeaders);
            } else if (length != null && declaredAbove(length, maxBody)) {
                refuse(ctx, 413, tooLargeBody);
            } else {
                ctx.next();
            }
        });
    }

    /** Quarkus' own check, switched off ({@code -Dvertx.disableURIValidation=true}) so that this one answers. */
    static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String problem(int status, String title, String detail) {
        return Json.encode(Problem.of(status, title, detail));
    }

    private static void refuse(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(body);
    }

    /** As on the wire: each "name: value\r\n". */
    static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private static boolean declaredAbove(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
