package org.emporium.platform.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Hands the service's OpenTelemetry to {@link Tracing} before any consumer or relay starts
 * (priority 0: the outbox relay starts at 2, consumers later), so the loops, which are no beans,
 * record their spans with the service's sampler and exporters.
 */
@ApplicationScoped
public class TracingSetup {

    void install(@Observes @Priority(0) StartupEvent event, Instance<OpenTelemetry> openTelemetry) {
        if (openTelemetry.isResolvable()) {
            Tracing.install(openTelemetry.get());
        }
    }

    void uninstall(@Observes ShutdownEvent event) {
        Tracing.uninstall();
    }
}
