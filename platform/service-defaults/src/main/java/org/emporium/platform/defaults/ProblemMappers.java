package org.emporium.platform.defaults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.opentelemetry.api.trace.Span;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception into an RFC 9457 problem. Bad input is a 4xx naming the offending field;
 * anything unexpected is a 500 that says nothing about internals (the log has the details,
 * findable by the trace id in the answer).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response answer = answer(e.problem(), uri);
        e.retryAfter().ifPresent(wait -> answer.getHeaders().putSingle("Retry-After",
                Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        return answer;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return answer(new Problem("about:blank", "Invalid request", 400, detail, null, null, errors), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return answer(Problem.invalid(duplicate, "is given more than once"), uri);
        }
        String field = e instanceof JsonMappingException m ? jsonPath(m) : null;
        String message = field == null || field.isEmpty()
                ? "request body is not valid JSON"
                : "has the wrong type or format";
        Problem p = field == null || field.isEmpty()
                ? Problem.of(400, "Invalid request", message)
                : Problem.invalid(field, message);
        return answer(p, uri);
    }

    /** Quarkus maps this subtype itself (as plain JSON); a mapper for the exact type wins over it. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri); // the JSON reader wraps the parser's own errors
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "method not allowed on " + uri.getPath();
            case 406 -> "cannot produce an acceptable representation";
            case 415 -> "unsupported content type; send application/json";
            default -> e.getMessage();
        };
        return answer(Problem.of(status, title, detail), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return answer(Problem.of(500, "Internal error", "the request could not be completed; "
                + "quote the trace id when reporting it"), uri);
    }

    private static Response answer(Problem p, UriInfo uri) {
        String traceId = Span.current().getSpanContext().isValid()
                ? Span.current().getSpanContext().getTraceId() : null;
        return p.at(uri.getPath(), traceId).toResponse();
    }

    /**
     * The name a client knows for a violation: a query or path parameter's name, or the
     * property path inside a request body (without the Java parameter's name in front).
     */
    static String fieldName(ConstraintViolation<?> v) {
        java.util.List<Path.Node> nodes = new java.util.ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> nodes.clear();
                default -> nodes.add(node);
            }
        }
        if (nodes.size() > 1 && nodes.get(0).getKind() == jakarta.validation.ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        String name = nodes.stream().map(Path.Node::getName).filter(java.util.Objects::nonNull)
                .collect(Collectors.joining("."));
        return name.isEmpty() ? "request" : name;
    }

    /**
     * The key a body gives twice, with the path of the object holding it ("shippingAddress.city"),
     * from the parser's error under {@link StrictJson}; null for any other error.
     */
    static String duplicateKey(JsonProcessingException e) {
        java.util.regex.Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (!m.matches()) {
            return null;
        }
        String parent = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser
                && parser.getParsingContext() != null && parser.getParsingContext().getParent() != null
                ? objectPath(parser.getParsingContext().getParent()) : "";
        return parent.isEmpty() ? m.group(1) : parent + "." + m.group(1);
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '(.*)'");

    private static String objectPath(com.fasterxml.jackson.core.JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        return String.join(".", parts).replace(".[", "[");
    }

    static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
