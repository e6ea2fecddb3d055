package org.emporium.identity.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emporium.identity.account.InvalidFieldException;
import org.emporium.identity.throttle.SignupThrottledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as RFC 9457 problem+json, in the shape the other services use
 * ({@code type, title, status, detail, instance}, plus {@code errors: [{field, message}]} for bad
 * input). Spring MVC's own errors (unreadable JSON, wrong media type, unknown path) come through
 * {@link ResponseEntityExceptionHandler}; anything unexpected is a 500 without details.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalid(InvalidFieldException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.errors().entrySet().stream()
                .map(entry -> field(entry.getKey(), entry.getValue()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field"))).toList();
        String detail = String.join("; ", errors.stream().map(m -> m.get("field") + ": " + m.get("message")).toList());
        Map<String, Object> problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, request.getRequestURI());
        problem.put("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Over a sign-up limit: 429 with Retry-After, the same for either limit (it does not say which). */
    @ExceptionHandler(SignupThrottledException.class)
    ResponseEntity<Object> throttled(SignupThrottledException e, HttpServletRequest request) {
        Map<String, Object> problem = problem(HttpStatus.TOO_MANY_REQUESTS, Problems.title(HttpStatus.TOO_MANY_REQUESTS),
                e.message(), request.getRequestURI());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(e.seconds()))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        Map<String, Object> problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error",
                "Something went wrong on our side", request.getRequestURI());
        return ResponseEntity.internalServerError().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Spring MVC's standard exceptions: keep its status, give it our title style and the instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        Map<String, Object> problem = problem(status, Problems.title(status),
                status.value() == 400 ? "The request body is not valid JSON of the expected shape" : Problems.title(status),
                request.getDescription(false).replaceFirst("^uri=", ""));
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(out).body(problem);
    }

    private static Map<String, String> field(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /** The members in the order of RFC 9457 and the other services, with {@code type} always present. */
    private static Map<String, Object> problem(HttpStatusCode status, String title, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        return problem;
    }
}
