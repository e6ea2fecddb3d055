package org.emporium.gateway.management;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Liveness and readiness on the public port, at the actuator's paths, for what polls the gateway there:
 * the launcher, Podman, the kubelet and the load scripts. They say UP or DOWN and nothing else (the
 * same states as the actuator's liveness and readiness groups, which hold only these); everything
 * else under {@code /actuator} is on the management port ({@link ManagementPort}) and 404 here.
 * Spring Boot's own additional-path feature takes single-segment paths only ({@code /readyz}),
 * which would move every probe of the gateway.
 */
@Configuration(proxyBeanMethods = false)
class PublicProbes {

    @Bean
    RouterFunction<ServerResponse> livenessAndReadiness(ApplicationAvailability availability) {
        return route(GET("/actuator/health/liveness"),
                request -> state(availability.getLivenessState() == LivenessState.CORRECT))
                .andRoute(GET("/actuator/health/readiness"),
                        request -> state(availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC));
    }

    private static Mono<ServerResponse> state(boolean up) {
        return ServerResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
    }
}
