package org.emporium.gateway.observability;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    RequestSpan requestSpan(ObjectProvider<Tracer> tracer) {
        return new RequestSpan(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /**
     * Which new traces are recorded (ReservoirSampler): the first few each second, then a share of
     * the rest; replaces Spring Boot's plain ratio.
     */
    @Bean
    Sampler traceSampler(@Value("${management.tracing.sampling.probability}") double ratio,
                         @Value("${emporium.gateway.tracing.reservoir-per-second}") int perSecond) {
        return ReservoirSampler.of(perSecond, ratio);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "emporium.gateway.access-log.enabled", matchIfMissing = true)
    AccessLog accessLog(RequestSpan requestSpan) {
        return new AccessLog(requestSpan);
    }

    /** process_resident_memory_bytes (ProcessMemory). */
    @Bean
    MeterBinder processResidentMemory() {
        return ProcessMemory.binder();
    }

    /** Zipkin outages logged once a minute at most, not once per span batch (ZipkinOutage). */
    @Bean
    static BeanPostProcessor zipkinOutageLog() {
        return ZipkinOutage.wrapper();
    }

    /**
     * Health probes and metric scrapes every few seconds would bury real page views in Zipkin and in
     * the access log; they are neither traced nor logged.
     */
    @Bean
    ObservationPredicate noActuatorObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getPath().value().startsWith("/actuator/"));
    }
}
