package org.emporium.platform.upstream;

/** The service has no such resource (404): an answer, not a failure. */
public final class UpstreamNotFoundException extends UpstreamException {

    public UpstreamNotFoundException(String upstream, String message) {
        super(upstream, message, null);
    }
}
