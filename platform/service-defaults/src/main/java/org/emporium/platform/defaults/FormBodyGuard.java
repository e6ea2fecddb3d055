package org.emporium.platform.defaults;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads and decodes an {@code application/x-www-form-urlencoded} body before the REST layer sees it,
 * so that a body that cannot be read is a 400 (a 413 for a field over
 * {@code quarkus.http.limits.max-form-attribute-size}, or a body over the body limit) and never a
 * hang: RESTEasy Reactive's own form parser throws on a bad percent-escape ({@code a=%zz}) inside
 * Vert.x's end handler, where nothing answers the request, and Vert.x's decoder loses the same error
 * (issue 19). The REST layer then takes the decoded fields as they are ({@code formAttributes()}).
 * A field name or value holding a control character (a NUL, say) is refused as well: no form of ours
 * has one, and it would reach databases and logs.
 *
 * <p>The answer is problem+json, or a short HTML page when the client asks for HTML (a browser
 * posting one of the storefront's forms).
 */
public class FormBodyGuard {

    private static final String FORM = "application/x-www-form-urlencoded";

    void install(@Observes Router router,
                 @ConfigProperty(name = "quarkus.http.limits.max-form-attribute-size") MemorySize fieldLimit,
                 @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize bodyLimit) {
        Limits limits = new Limits(fieldLimit.asLongValue(), bodyLimit.asLongValue());
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> guard(ctx, limits));
    }

    private record Limits(long field, long body) {
    }

    /** Why a form was refused: the status and what to tell the sender. */
    record Refusal(int status, String detail) {
    }

    private static void guard(RoutingContext ctx, Limits limits) {
        HttpServerRequest request = ctx.request();
        if (!readsForm(request) || "0".equals(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            ctx.next(); // an empty form is the REST layer's to judge
            return;
        }
        Buffer body = Buffer.buffer();
        AtomicBoolean answered = new AtomicBoolean();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > limits.body()) {
                if (answered.compareAndSet(false, true)) {
                    refuse(ctx, new Refusal(413, "the request body is larger than " + limits.body() + " bytes"));
                }
            } else if (!answered.get()) {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(e -> {
            if (answered.compareAndSet(false, true)) {
                refuse(ctx, new Refusal(400, "the request body could not be read"));
            }
        });
        request.endHandler(end -> {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>();
            Charset charset = charset(request.getHeader(HttpHeaders.CONTENT_TYPE));
            Refusal refusal = charset == null
                    ? new Refusal(400, "the form's charset is not one this service reads")
                    : decode(body.toString(charset), charset, limits.field(), fields);
            if (refusal != null) {
                refuse(ctx, refusal);
                return;
            }
            fields.forEach(f -> request.formAttributes().add(f.getKey(), f.getValue()));
            ctx.next();
        });
        request.resume();
    }

    private static boolean readsForm(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, FORM, 0, FORM.length());
    }

    /** Decodes {@code body} into {@code fields}, in order; answers why it cannot be taken, or null. */
    static Refusal decode(String body, Charset charset, long maxField, List<Map.Entry<String, String>> fields) {
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), charset);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), charset);
            } catch (IllegalArgumentException e) {
                return new Refusal(400, "the form body is not valid application/x-www-form-urlencoded"
                        + " (a % must start a two-digit hexadecimal escape)");
            }
            if (name.length() > maxField || value.length() > maxField) {
                return new Refusal(413, "a form field is longer than " + maxField + " characters");
            }
            if (hasControl(name)) {
                return new Refusal(400, "a form field's name holds a control character");
            }
            if (hasControl(value)) {
                return new Refusal(400, "form field '" + name + "' holds a control character");
            }
            fields.add(Map.entry(name, value));
        }
        return null;
    }

    /** The Content-Type's charset parameter (UTF-8 without one, as browsers send our pages' forms); null if unknown. */
    static Charset charset(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").trim());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** A control character other than tab, CR and LF (a textarea's line breaks). */
    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    private static void refuse(RoutingContext ctx, Refusal refusal) {
        String title = refusal.status() == 413 ? "Payload too large" : "Bad request";
        EarlyRefusal.send(ctx, refusal.status(), title, refusal.detail(), "The form could not be read",
                "Go back, check what you typed and send it again.");
    }
}
