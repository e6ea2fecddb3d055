package org.emporium.platform.defaults;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
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
        String tooLargeBody = "the request body is larger than " + maxBody + " bytes";
        String tooLongTarget = "the request's path and query are longer than " + target + " characters";
        String tooLargeHeaders = "the request's headers are larger than " + maxHeaders + " bytes";
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            String length = request.getHeader("Content-Length");
            if (request.uri().length() > target) {
                refuse(ctx, 414, "URI too long", tooLongTarget);
            } else if (!isUri(request.uri())) {
                refuse(ctx, 400, "Bad request", "the request's path or query is not a valid URI");
            } else if (headerBytes(request) > maxHeaders) {
                refuse(ctx, 431, "Request header fields too large", tooLargeHeaders);
            } else if (length != null && declaredAbove(length, maxBody)) {
                refuse(ctx, 413, "Payload too large", tooLargeBody);
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

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        EarlyRefusal.send(ctx, status, title, detail, "This request could not be served", "");
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
