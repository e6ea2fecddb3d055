package org.emporium.gateway.problem;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Where every route's circuit breaker forwards when its service failed, timed out or its circuit is
 * open. It raises the matching status and leaves the rendering to {@link ProblemWebExceptionHandler},
 * which still knows the path the client asked for.
 */
@Configuration(proxyBeanMethods = false)
public class UpstreamFallback {

    /** The path every route's {@code fallbackUri: forward:...} in application.yml points at. */
    static final String PATH = "/gateway/fallback";

    @Bean
    RouterFunction<ServerResponse> upstreamFallbackRoute() {
        return RouterFunctions.route(RequestPredicates.path(PATH), UpstreamFallback::answer);
    }

    static Mono<ServerResponse> answer(ServerRequest request) {
        Throwable failure = request.attribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR)
                .map(Throwable.class::cast)
                .orElse(null);
        if (failure == null) {
            // Reached from outside rather than forwarded by a circuit breaker: there is nothing here.
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No resource at this path"));
        }
        String service = request.attribute(GATEWAY_ROUTE_ATTR)
                .map(route -> ((Route) route).getId())
                .orElse("the service");
        return Mono.error(toError(service, failure));
    }

    static ResponseStatusException toError(String service, Throwable failure) {
        if (failure instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            // The client's own fault (e.g. too large a body) is not the service's unavailability.
            return new ResponseStatusException(known.getStatusCode(), known.getBody().getDetail(), failure);
        }
        if (isTimeout(failure)) {
            return new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                    service + " did not answer in time; try again shortly", failure);
        }
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                service + " is unavailable; try again shortly", failure);
    }

    /** The gateway's response timeout arrives as a 504 status exception, a time limiter's as a plain timeout. */
    private static boolean isTimeout(Throwable failure) {
        if (failure instanceof ErrorResponse known) {
            return known.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
        }
        return failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException;
    }
}
