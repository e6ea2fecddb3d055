package org.emporium.gateway.faults;

import java.time.Duration;
import org.emporium.platform.faults.Errors;
import org.emporium.platform.faults.FaultWatch;
import org.emporium.platform.faults.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Faults injected into the gateway's requests while it runs ({@code ./emporium chaos latency gateway
 * 300ms 50%}, {@code chaos errors gateway 20%}; ADR 0013), from the same flag file and through the
 * same library as the Quarkus services: extra latency (a timer, no thread held), an error status as
 * problem+json (the gateway's own error handler writes it), or a dropped connection. Management
 * paths never meet a fault, so probes and scrapes tell the truth. With no fault asked, a request
 * reads one field.
 */
@Component
public class FaultInjection implements WebFilter, Ordered, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("emporium.faults");
    private static final String SERVICE = "gateway";

    private final FaultWatch watch;

    public FaultInjection(@Value("${EMPORIUM_FAULTS_FILE:}") String file) {
        this.watch = FaultWatch.start(file, SERVICE, LOG::info, LOG::warn);
    }

    /** Before everything else, the rate limits and the routes included. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Faults faults = watch.current();
        if (faults == Faults.NONE) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator") || path.startsWith("/q/") || path.equals("/q")) {
            return chain.filter(exchange);
        }
        Errors error = faults.error(path);
        if (error != null && error.drops()) {
            if (exchange.getRequest() instanceof AbstractServerHttpRequest request
                    && request.getNativeRequest() instanceof reactor.netty.http.server.HttpServerRequest netty) {
                netty.withConnection(connection -> connection.dispose());
            }
            return Mono.empty();
        }
        if (error != null) {
            return Mono.error(new ResponseStatusException(HttpStatusCode.valueOf(error.status()),
                    "this answer is a fault injected on purpose (./emporium chaos); ./emporium chaos clear removes it"));
        }
        long delay = faults.delayMillis(path);
        return delay > 0 ? Mono.delay(Duration.ofMillis(delay)).then(chain.filter(exchange)) : chain.filter(exchange);
    }

    @Override
    public void destroy() {
        watch.close();
    }
}
