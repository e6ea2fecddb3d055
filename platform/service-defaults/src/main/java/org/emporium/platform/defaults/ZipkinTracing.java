package org.emporium.platform.defaults;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Exports spans to Zipkin, which has no OTLP intake. Quarkus' default "cdi" exporter picks up
 * every {@link SpanExporter} bean and batches it. Leave the endpoint empty to export over
 * OTLP only (the way to run at scale).
 *
 * <p>While Zipkin is down, the exporter's own warning (a stack trace per failed batch: five a minute,
 * then one a minute, for as long as it lasts) is off (microprofile-config.properties); {@link Reported}
 * says it once when the outage starts, once a minute while it lasts and once when spans get through again.
 */
public class ZipkinTracing {

    private static final Logger LOG = Logger.getLogger(ZipkinTracing.class);

    @Produces
    @Singleton
    SpanExporter zipkin(@ConfigProperty(name = "emporium.tracing.zipkin-endpoint") Optional<String> endpoint) {
        return endpoint.filter(e -> !e.isBlank())
                .<SpanExporter>map(e -> new Reported(ZipkinSpanExporter.builder().setEndpoint(e)
                        // gzip was 2 % of a service's CPU under load (JFR, issue 18), to save bytes on
                        // what is a loopback or in-cluster hop
                        .setCompression("none").build(),
                        new OutageLog(LOG, "exporting spans to Zipkin at " + e,
                                "spans are dropped until it answers", Duration.ofMinutes(1))))
                .orElseGet(NoSpanExporter::new);
    }

    /** An exporter whose failures are logged by outage, not by batch. */
    static final class Reported implements SpanExporter {

        private final SpanExporter exporter;
        private final OutageLog outage;

        Reported(SpanExporter exporter, OutageLog outage) {
            this.exporter = exporter;
            this.outage = outage;
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode export(
                Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
            io.opentelemetry.sdk.common.CompletableResultCode result = exporter.export(spans);
            result.whenComplete(() -> {
                if (result.isSuccess()) {
                    outage.recovered();
                } else {
                    Throwable cause = result.getFailureThrowable();
                    outage.failed(cause == null ? "export failed" : cause.toString());
                }
            });
            return result;
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode flush() {
            return exporter.flush();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
            return exporter.shutdown();
        }
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
