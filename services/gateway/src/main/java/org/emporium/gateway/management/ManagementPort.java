package org.emporium.gateway.management;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts the actuator on a port of its own, so the shop's public port never answers
 * {@code /actuator/prometheus}, {@code /actuator/health} (with its details) or {@code /actuator/info}:
 * {@code EMPORIUM_GATEWAY_MANAGEMENT_PORT}, else the gateway's port + {@value #OFFSET} (9080 beside
 * 8080), so {@code EMPORIUM_PORT_OFFSET} and {@code EMPORIUM_GATEWAY_PORT} move both and a second
 * system's gateway never takes the first one's. A random server port (0: tests, the launcher's start-up
 * cache training run beside the running gateway) gets a random management port. Configuration cannot say
 * "port + 1000", hence code; {@code management.server.port} set any other way wins.
 */
public class ManagementPort implements EnvironmentPostProcessor, Ordered {

    static final int OFFSET = 1000;
    static final String VARIABLE = "EMPORIUM_GATEWAY_MANAGEMENT_PORT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("management.server.port")) {
            return;
        }
        String explicit = environment.getProperty(VARIABLE, "").strip();
        int port;
        if (!explicit.isEmpty()) {
            port = Integer.parseInt(explicit);
        } else {
            int server = environment.getProperty("server.port", Integer.class, 8080);
            port = server <= 0 ? 0 : server + OFFSET;
        }
        environment.getPropertySources().addLast(
                new MapPropertySource("gateway-management-port", Map.of("management.server.port", port)));
    }

    /** After application.yml is read (it sets server.port from EMPORIUM_GATEWAY_PORT). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
