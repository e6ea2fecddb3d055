package org.emporium.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import org.emporium.gateway.observability.RequestSpan;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;

class ProblemWebExceptionHandlerTest {

    private final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(ServerCodecConfigurer.create(),
            new RequestSpan(Tracer.NOOP));

    @Test
    void writesAStatusErrorAsProblemJsonAtTheRequestedPath() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/nope?x=1")
                .accept(MediaType.TEXT_HTML));

        handler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND, "No service answers at this path"))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualToIgnoringWhitespace("""
                {"type":"about:blank","title":"Not found","status":404,
                 "detail":"No service answers at this path","instance":"/api/nope"}""");
    }

    @Test
    void writesTheRateLimitersRefusalAs429KeepingItsHeaders() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/catalog/x"));
        // What Spring Cloud Gateway's RequestRateLimiter does with throwOnLimit: headers first, then the error.
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.add(HttpHeaders.RETRY_AFTER, "2");
        headers.add("X-RateLimit-Remaining", "0");
        HttpClientErrorException refusal = HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS,
                "Too Many Requests", headers, null, null);

        handler.handle(exchange, refusal).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualToIgnoringWhitespace("""
                {"type":"about:blank","title":"Too many requests","status":429,
                 "detail":"Too many requests from this address; try again in 2 s","instance":"/api/catalog/x"}""");
    }

    @Test
    void hidesTheMessageOfAnUnexpectedError() {
        Problem problem = ProblemWebExceptionHandler.toProblem(new IllegalStateException("pool 0x1f exhausted"), "/x");

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).isEqualTo("The gateway failed to handle the request");
    }
}
