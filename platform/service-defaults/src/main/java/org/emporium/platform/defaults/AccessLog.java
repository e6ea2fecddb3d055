package org.emporium.platform.defaults;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * One line per API or page request ({@code POST /api/orders 202 14 ms}) whose trace is recorded,
 * written while the request's span is current, so it carries the trace id like every other line
 * written for that request and {@code ./emporium logs --trace} finds the request in every service
 * it crossed. A request whose trace is not recorded (the gateway records the first few new traces
 * of each second and a share of the rest) gets a line only when it failed (5xx) or was slow: the
 * gateway's own access line already records every request from outside, and a line per request in
 * every service behind it cost more CPU than some of the services' own work (docs/performance.md).
 * Management paths ({@code /q/*}: probes, scrapes) are no resources and are not logged. The path
 * is logged without its query (which may hold what a shopper typed). Category
 * {@code emporium.access}; {@code EMPORIUM_ACCESS_LOG_LEVEL=OFF} turns it off.
 */
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("emporium.access");
    private static final String STARTED = AccessLog.class.getName() + ".started";
    /** An answer that took this long is logged whether its trace is recorded or not. */
    static final long SLOW_MILLIS = 1_000;

    @ServerRequestFilter(preMatching = true)
    public void started(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void finished(ContainerRequestContext request, ContainerResponseContext response) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        if (!logged(Span.current().getSpanContext().isSampled(), response.getStatus(), millis)) {
            return;
        }
        LOG.infof("%s %s %d %d ms", request.getMethod(), request.getUriInfo().getPath(), response.getStatus(), millis);
    }

    static boolean logged(boolean traceRecorded, int status, long millis) {
        return traceRecorded || status >= 500 || millis >= SLOW_MILLIS;
    }
}
