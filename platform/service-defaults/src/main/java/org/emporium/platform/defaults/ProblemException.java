package org.emporium.platform.defaults;

import java.time.Duration;
import java.util.Optional;

/** Thrown by services to answer with a specific problem; mapped as is, never as a 500. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    /** A problem that passes: the answer says when to try again ({@code Retry-After}, whole seconds). */
    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** When to try again, if the problem passes by itself. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(field, message));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail));
    }
}
