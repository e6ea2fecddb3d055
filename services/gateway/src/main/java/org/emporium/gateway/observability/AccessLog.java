package org.emporium.gateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * One line per request: method, path, status and duration, inside the request's span so the line
 * carries its traceId. It hangs on the server request observation because that ends only once the
 * answer is final, problem responses from error handling included, which a web filter would not see.
 * The path leaves out the query string: queries carry search terms and tokens.
 */
public class AccessLog implements ObservationHandler<ServerRequestObservationContext> {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    private final RequestSpan requestSpan;

    public AccessLog(RequestSpan requestSpan) {
        this.requestSpan = requestSpan;
    }

    private record Started(long nanos) {
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ServerRequestObservationContext;
    }

    @Override
    public void onStart(ServerRequestObservationContext context) {
        context.put(Started.class, new Started(System.nanoTime()));
    }

    @Override
    public void onStop(ServerRequestObservationContext context) {
        if (!log.isInfoEnabled()) {
            return;
        }
        Started started = context.get(Started.class);
        long millis = started == null ? -1 : (System.nanoTime() - started.nanos()) / 1_000_000;
        ServerHttpRequest request = context.getCarrier();
        String status = statusOf(context);
        requestSpan.logWithin(context, () -> log.info("{} {} {} {}ms", request.getMethod(),
                request.getPath().value(), status, millis));
    }

    private static String statusOf(ServerRequestObservationContext context) {
        if (context.isConnectionAborted()) {
            // The client went away before the answer was complete.
            return "aborted";
        }
        ServerHttpResponse response = context.getResponse();
        return response == null || response.getStatusCode() == null
                ? "-"
                : String.valueOf(response.getStatusCode().value());
    }
}
