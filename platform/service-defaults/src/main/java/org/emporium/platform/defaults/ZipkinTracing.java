package org.emporium.platform.defaults;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exports spans to Zipkin, which has no OTLP intake. Quarkus' default "cdi" exporter picks up
 * every {@link SpanExporter} bean and batches it. Leave the endpoint empty to export over
 * OTLP only (the way to run at scale).
 */
public class ZipkinTracing {

    @Produces
    @Singleton
    SpanExporter zipkin(@ConfigProperty(name = "emporium.tracing.zipkin-endpoint") Optional<String> endpoint) {
        return endpoint.filter(e -> !e.isBlank())
                .<SpanExporter>map(e -> ZipkinSpanExporter.builder().setEndpoint(e).build())
                .orElseGet(NoSpanExporter::new);
    }

    /** Stands in when Zipkin is off, so the composite exporter has nothing to call. */
    static final class NoSpanExporter implements SpanExporter {
        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode export(
                java.util.Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode flush() {
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }
    }
}
