package org.emporium.gateway.discovery;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Eureka client only where there is a registry: {@code EMPORIUM_REGISTRY_URL} set (the launcher's
 * local runs, with {@code lb://} route URIs) turns it on; without it (Kubernetes, where routes name
 * Services; tests) {@code eureka.client.enabled} is false, so no Eureka bean, thread or fetch exists.
 * Configuration cannot say "true when a variable is set" ({@code eureka.client.enabled} is bound as a
 * boolean, so it cannot hold the URL), hence code; {@code eureka.client.enabled} set any other way wins.
 */
public class RegistryDiscovery implements EnvironmentPostProcessor, Ordered {

    static final String VARIABLE = "EMPORIUM_REGISTRY_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty(VARIABLE, "").isBlank()) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("gateway-registry-discovery", Map.of("eureka.client.enabled", false)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
