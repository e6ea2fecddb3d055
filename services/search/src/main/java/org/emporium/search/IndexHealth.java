package org.emporium.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the index has caught up with the topics (as they were when reading began), so a fresh or
 * rebuilding instance gets no traffic while it would answer with a partial catalog. Live while
 * the consumer thread runs: without it the index would silently stop following the catalog and the stock.
 */
public final class IndexHealth {

    private IndexHealth() {
    }

    @Readiness
    @ApplicationScoped
    public static class CaughtUp implements HealthCheck {

        private final SearchService service;

        public CaughtUp(SearchService service) {
            this.service = service;
        }

        @Override
        public HealthCheckResponse call() {
            boolean up = service.consumer() != null && service.consumer().caughtUp();
            return HealthCheckResponse.named("search-index").status(up)
                    .withData("caughtUp", up).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class ConsumerRunning implements HealthCheck {

        private final SearchService service;

        public ConsumerRunning(SearchService service) {
            this.service = service;
        }

        @Override
        public HealthCheckResponse call() {
            boolean up = service.consumer() != null && service.consumer().running();
            return HealthCheckResponse.named("index-event-consumer").status(up).build();
        }
    }
}
