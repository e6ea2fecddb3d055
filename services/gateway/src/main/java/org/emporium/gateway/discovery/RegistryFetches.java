package org.emporium.gateway.discovery;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.observation.ClientRequestObservationContext;

/**
 * The Eureka client's registry fetches (one a second) are neither measured nor traced. Measured, they
 * took the name {@code http.client.requests} first, with other tag keys than the gateway's per-route
 * client meters, and Prometheus then refused every per-route meter; traced, they would be a trace a
 * second in Zipkin that no request caused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(value = "eureka.client.enabled", matchIfMissing = true)
public class RegistryFetches {

    @Bean
    ObservationPredicate registryFetchesUnobserved(@Value("${eureka.client.service-url.defaultZone:}") String registry) {
        return (name, context) -> !isRegistryFetch(context, registry);
    }

    static boolean isRegistryFetch(Object context, String registry) {
        return !registry.isBlank()
                && context instanceof ClientRequestObservationContext request
                && request.getCarrier() != null
                && request.getCarrier().getURI().toString().startsWith(registry);
    }
}
