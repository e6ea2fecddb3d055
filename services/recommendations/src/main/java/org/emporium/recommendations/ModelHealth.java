package org.emporium.recommendations;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the model has caught up with the topics (as they were when reading began), so a
 * starting instance gets no traffic while it would answer from a partial history. Live while the
 * consumer thread runs: without it the model would silently stop learning.
 */
public final class ModelHealth {

    private ModelHealth() {
    }

    @Readiness
    @ApplicationScoped
    public static class CaughtUp implements HealthCheck {

        private final RecommendationsService service;

        public CaughtUp(RecommendationsService service) {
            this.service = service;
        }

        @Override
        public HealthCheckResponse call() {
            boolean up = service.consumer() != null && service.consumer().caughtUp();
            return HealthCheckResponse.named("recommendation-model").status(up).withData("caughtUp", up)
                    .withData("modelVersion", service.model().applied()).build();
        }
    }

    @Liveness
    @ApplicationScoped
    public static class ConsumerRunning implements HealthCheck {

        private final RecommendationsService service;

        public ConsumerRunning(RecommendationsService service) {
            this.service = service;
        }

        @Override
        public HealthCheckResponse call() {
            boolean up = service.consumer() != null && service.consumer().running();
            return HealthCheckResponse.named("model-event-consumer").status(up).build();
        }
    }
}
