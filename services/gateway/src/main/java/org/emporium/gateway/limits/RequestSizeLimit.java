package org.emporium.gateway.limits;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies over the limit with 413. A declared Content-Length is checked up front; a
 * chunked body is counted as it streams, because the gateway buffers bodies for retries and would
 * otherwise hold any amount a client sends.
 */
public class RequestSizeLimit implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestSizeLimit(DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    public int getOrder() {
        // Before anything reads the body, including the gateway's retry buffering.
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            // Either the length is known and within the limit, or there is no body at all (most GETs).
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    long[] seen = {0};
                    return super.getBody().map(buffer -> {
                        seen[0] += buffer.readableByteCount();
                        if (seen[0] > maxBytes) {
                            DataBufferUtils.release(buffer);
                            throw tooLarge();
                        }
                        return buffer;
                    });
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body exceeds the limit of " + maxBytes + " bytes");
    }
}
