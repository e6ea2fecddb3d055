package org.emporium.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class RequestSizeLimitTest {

    private final RequestSizeLimit limit = new RequestSizeLimit(DataSize.ofBytes(10));
    private final AtomicInteger bytesReadDownstream = new AtomicInteger();
    private final WebFilterChain readsTheBody = exchange -> exchange.getRequest().getBody()
            .doOnNext(buffer -> bytesReadDownstream.addAndGet(buffer.readableByteCount()))
            .doOnNext(DataBufferUtils::release)
            .then();

    @Test
    void rejectsADeclaredLengthOverTheLimitWithoutReadingTheBody() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/catalog/x")
                .contentLength(11)
                .body("01234567890"));

        StepVerifier.create(limit.filter(exchange, readsTheBody))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(ResponseStatusException.class, status -> assertThat(status.getStatusCode())
                                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)))
                .verify();
        assertThat(bytesReadDownstream).hasValue(0);
    }

    @Test
    void passesADeclaredLengthWithinTheLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/catalog/x")
                .contentLength(10)
                .body("0123456789"));

        StepVerifier.create(limit.filter(exchange, readsTheBody)).verifyComplete();
        assertThat(bytesReadDownstream).hasValue(10);
    }

    @Test
    void cutsAChunkedBodyOffOnceItPassesTheLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/catalog/x")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")
                .body(chunks("012345", "6789", "X", "never read")));

        StepVerifier.create(limit.filter(exchange, readsTheBody))
                .expectError(ResponseStatusException.class)
                .verify();
        assertThat(bytesReadDownstream).hasValue(10);
    }

    @Test
    void passesAChunkedBodyWithinTheLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/catalog/x")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked")
                .body(chunks("012345", "6789")));

        StepVerifier.create(limit.filter(exchange, readsTheBody)).verifyComplete();
        assertThat(bytesReadDownstream).hasValue(10);
    }

    @Test
    void passesARequestWithoutBody() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

        StepVerifier.create(limit.filter(exchange, readsTheBody)).verifyComplete();
    }

    private static Flux<DataBuffer> chunks(String... parts) {
        return Flux.fromArray(parts)
                .map(part -> DefaultDataBufferFactory.sharedInstance.wrap(part.getBytes(StandardCharsets.UTF_8)));
    }
}
