package org.emporium.gateway.problem;

import java.util.List;
import org.emporium.gateway.observability.RequestSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns every error the gateway raises into problem+json. Ordered before Spring Boot's own handler
 * (-1) so a browser never sees the white-label HTML page and no client ever sees a stack trace.
 *
 * <p>It receives the exchange as it entered the gateway, before routing or a circuit breaker's
 * forward rewrote the path, so {@code instance} is the path the client asked for.
 */
@Component
@Order(-2)
public class ProblemWebExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ServerResponse.Context context;
    private final RequestSpan requestSpan;

    public ProblemWebExceptionHandler(ServerCodecConfigurer codecs, RequestSpan requestSpan) {
        this.requestSpan = requestSpan;
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // Part of an upstream answer is already on the wire; all that is left is to drop the connection.
            return Mono.error(error);
        }
        Problem problem = toProblem(error, exchange.getRequest().getPath().value());
        if (problem.status() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            requestSpan.logWithin(exchange, () -> log.error("Unexpected error on {} {}",
                    exchange.getRequest().getMethod(), problem.instance(), error));
        }
        return ServerResponse.status(problem.status())
                .contentType(Problem.MEDIA_TYPE)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    static Problem toProblem(Throwable error, String path) {
        if (error instanceof HttpClientErrorException refused) {
            // Spring Cloud Gateway's RequestRateLimiter (throwOnLimit), the only source of these in the
            // gateway: the client is over its rate limit. Retry-After is already on the response.
            HttpHeaders headers = refused.getResponseHeaders();
            String retryAfter = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
            return Problem.of(refused.getStatusCode(), retryAfter == null
                    ? "Too many requests from this address; try again shortly"
                    : "Too many requests from this address; try again in " + retryAfter + " s", path);
        }
        if (error instanceof ErrorResponse known) {
            HttpStatusCode status = known.getStatusCode();
            String detail = known.getBody().getDetail();
            return Problem.of(status, detail != null ? detail : Problem.titleFor(status), path);
        }
        // Unforeseen failures keep their message to the log: it may name internals.
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway failed to handle the request", path);
    }
}
