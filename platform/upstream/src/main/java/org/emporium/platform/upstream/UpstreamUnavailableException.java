package org.emporium.platform.upstream;

/** The service could not answer: down, too slow, failing (5xx), or its circuit breaker is open. */
public final class UpstreamUnavailableException extends UpstreamException {

    public UpstreamUnavailableException(String upstream, String message, Throwable cause) {
        super(upstream, message, cause);
    }

    /** What a fault tolerance fallback answers when the call timed out or the breaker is open. */
    public static UpstreamUnavailableException timedOutOrOpen(String upstream) {
        return new UpstreamUnavailableException(upstream, upstream + " unavailable (timeout or open circuit)", null);
    }
}
