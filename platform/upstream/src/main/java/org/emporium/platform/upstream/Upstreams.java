package org.emporium.platform.upstream;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * What a service's failures mean to the fault tolerance policies. A client's exception mapper
 * calls {@link #exception}; its guarded methods end with
 * {@code .onFailure().transform(f -> Upstreams.classify("catalog", f))}, and its policy names the
 * three kinds: {@code abortOn}/{@code skipOn} {@link UpstreamRejectedException} (and
 * {@link UpstreamNotFoundException}), retry on {@link UpstreamUnavailableException}.
 */
public final class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private Upstreams() {
    }

    /** 404 is an answer, other 4xx mean we asked wrongly (no retry), 5xx the service is struggling. */
    public static UpstreamException exception(String upstream, int status) {
        if (status == 404) {
            return new UpstreamNotFoundException(upstream, upstream + " has no such resource");
        }
        if (status < 500) {
            return new UpstreamRejectedException(upstream, status);
        }
        return new UpstreamUnavailableException(upstream, upstream + " answered " + status, null);
    }

    /**
     * A read timeout becomes a {@link TimeoutException} (not retried: a slow service gets no extra
     * load from us), other transport failures a retryable {@link UpstreamUnavailableException}; the
     * three kinds and the policies' own exceptions pass unchanged.
     */
    public static Throwable classify(String upstream, Throwable failure) {
        if (failure instanceof UpstreamException || failure instanceof TimeoutException) {
            return failure;
        }
        if (ReadTimeouts.causedBy(failure)) {
            return new TimeoutException(upstream + " did not answer in time");
        }
        // the exception's type only: a message could quote the request (a card number on its way to orders)
        LOG.debugf("%s call failed: %s", upstream, failure.getClass().getName());
        return new UpstreamUnavailableException(upstream, upstream + " unreachable: " + failure.getClass().getSimpleName(), failure);
    }
}
