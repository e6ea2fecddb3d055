package org.emporium.cart.client;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/** What catalog and inventory failures mean to the fault tolerance policies. */
final class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private Upstreams() {
    }

    /** 404 is an answer, other 4xx mean we asked wrongly (no retry), 5xx the service is struggling. */
    static RuntimeException exception(String service, int status) {
        if (status == 404) {
            return new UpstreamNotFoundException(service + " has no such resource", null);
        }
        if (status < 500) {
            return new UpstreamRejectedException(service + " rejected the request with " + status, null);
        }
        return new UpstreamUnavailableException(service + " answered " + status, null);
    }

    /**
     * A read timeout becomes a {@link TimeoutException} (not retried), other transport failures a
     * retryable {@link UpstreamUnavailableException}; our own exceptions pass unchanged.
     */
    static Throwable classify(String service, Throwable failure) {
        if (failure instanceof UpstreamUnavailableException || failure instanceof UpstreamNotFoundException
                || failure instanceof UpstreamRejectedException || failure instanceof TimeoutException) {
            return failure;
        }
        if (ReadTimeouts.causedBy(failure)) {
            return new TimeoutException(service + " did not answer in time");
        }
        LOG.debugf("%s call failed: %s", service, failure);
        return new UpstreamUnavailableException(service + " unreachable: " + failure.getClass().getSimpleName(), failure);
    }
}
