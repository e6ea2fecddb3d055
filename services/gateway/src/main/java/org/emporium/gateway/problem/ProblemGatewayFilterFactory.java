package org.emporium.gateway.problem;

import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The {@code Problem} route filter: the route answers with a problem itself instead of proxying, e.g.
 * 404 for an {@code /api/} prefix no service owns, which would otherwise fall through to the storefront.
 *
 * <p>It runs first, ahead of the default filters, so the circuit breaker never counts these answers
 * and retry never repeats them.
 */
@Component
public class ProblemGatewayFilterFactory extends AbstractGatewayFilterFactory<ProblemGatewayFilterFactory.Config> {

    public ProblemGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("status", "detail");
    }

    @Override
    public GatewayFilter apply(Config config) {
        HttpStatusCode status = HttpStatusCode.valueOf(config.getStatus());
        String detail = config.getDetail();
        return new OrderedGatewayFilter((exchange, chain) -> Mono.error(new ResponseStatusException(status, detail)),
                Ordered.HIGHEST_PRECEDENCE);
    }

    public static class Config {

        private int status = HttpStatus.NOT_FOUND.value();

        private String detail = "No service answers at this path";

        public int getStatus() {
            return status;
        }

        public void setStatus(int status) {
            this.status = status;
        }

        public String getDetail() {
            return detail;
        }

        public void setDetail(String detail) {
            this.detail = detail;
        }
    }
}
