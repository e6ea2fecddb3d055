package org.emporium.gateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes a request's span current around a log call, so that line carries the request's traceId and
 * spanId. The gateway does not restore trace thread-locals on every reactive hop (Reactor's automatic
 * context propagation): that doubled its CPU per request, for the few lines it logs itself.
 */
public class RequestSpan {

    private final Tracer tracer;

    public RequestSpan(Tracer tracer) {
        this.tracer = tracer;
    }

    public void logWithin(ServerWebExchange exchange, Runnable logging) {
        logWithin(ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null), logging);
    }

    void logWithin(Observation.Context request, Runnable logging) {
        TracingContext tracing = request == null ? null : request.get(TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        if (span == null) {
            logging.run();
            return;
        }
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            logging.run();
        }
    }
}
