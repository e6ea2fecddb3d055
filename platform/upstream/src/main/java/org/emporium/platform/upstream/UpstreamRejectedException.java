package org.emporium.platform.upstream;

import java.util.List;

/**
 * The service refused the request (a 4xx other than 404): it is well formed but can't be done (a
 * 422: stock too short, an empty cart), or the two services disagree on the contract (a 400).
 * Retrying can't help, and it says nothing about the service's health, so it never counts toward a
 * breaker. {@link #title()}, {@link #detail()} and {@link #errors()} come from the service's
 * problem answer when it sent one (null or empty otherwise); show them escaped.
 */
public final class UpstreamRejectedException extends UpstreamException {

    /** One input the service refused, named as the service names it (a JSON path), and why. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public UpstreamRejectedException(String upstream, int status) {
        this(upstream, status, null, null, List.of());
    }

    public UpstreamRejectedException(String upstream, int status, String title, String detail, List<FieldError> errors) {
        super(upstream, upstream + " rejected the request with " + status, null);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
