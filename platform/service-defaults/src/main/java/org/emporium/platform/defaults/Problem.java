package org.emporium.platform.defaults;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. Every error a service answers has this shape and the
 * {@code application/problem+json} media type, so clients parse one format.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      String traceId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

    /** One offending input: the field (query parameter, path parameter or JSON path) and why. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null);
    }

    public static Problem invalid(String field, String message) {
        return new Problem("about:blank", "Invalid request", 400, field + ": " + message, null, null,
                List.of(new FieldError(field, message)));
    }

    Problem at(String path, String trace) {
        return new Problem(type, title, status, detail, path, trace, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
