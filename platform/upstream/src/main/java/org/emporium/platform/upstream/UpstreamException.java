package org.emporium.platform.upstream;

/**
 * A call to another service did not give what was asked for. Every caller sees the same three
 * kinds, whichever service it called: {@link UpstreamNotFoundException} (an answer: nothing
 * there), {@link UpstreamRejectedException} (we asked wrongly: never retried, never counted by a
 * breaker) and {@link UpstreamUnavailableException} (the service is struggling: retried where
 * that is safe, counted by the breaker). {@link #upstream()} names the service, for callers that
 * answer differently per service (an error page that says which part of the shop is down).
 */
public abstract sealed class UpstreamException extends RuntimeException
        permits UpstreamNotFoundException, UpstreamRejectedException, UpstreamUnavailableException {

    private final String upstream;

    UpstreamException(String upstream, String message, Throwable cause) {
        // no stack trace: an expected condition, frequent while a dependency is down
        super(message, cause, false, false);
        this.upstream = upstream;
    }

    /** The service called, by its name in the service graph ({@code catalog}, {@code cart}, …). */
    public String upstream() {
        return upstream;
    }

    /** Whether this failure came from calling {@code service}. */
    public boolean from(String service) {
        return upstream.equals(service);
    }
}
