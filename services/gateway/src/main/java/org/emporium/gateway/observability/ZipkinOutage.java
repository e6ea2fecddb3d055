package org.emporium.gateway.observability;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Collection;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The Zipkin exporter, with its failures logged by outage rather than by batch: once when Zipkin stops
 * answering, once a minute while it stays away, once when spans get through again. The exporter's own
 * warning (a stack trace per failed batch, five a minute and then one a minute, for as long as the
 * outage lasts) is off in application.yml.
 */
final class ZipkinOutage implements SpanExporter {

    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ZipkinOutage.class);

    private final SpanExporter exporter;
    private final LongSupplier nanoTime;
    private final Logger log;
    private long startedAt;
    private long loggedAt;
    private int failures;

    ZipkinOutage(SpanExporter exporter, LongSupplier nanoTime, Logger log) {
        this.exporter = exporter;
        this.nanoTime = nanoTime;
        this.log = log;
    }

    /** Wraps Spring Boot's Zipkin exporter bean; any other exporter is left alone. */
    static BeanPostProcessor wrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ZipkinSpanExporter zipkin ? new ZipkinOutage(zipkin, System::nanoTime, LOG) : bean;
            }
        };
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        CompletableResultCode result = exporter.export(spans);
        result.whenComplete(() -> {
            if (result.isSuccess()) {
                recovered();
            } else {
                failed(result.getFailureThrowable());
            }
        });
        return result;
    }

    synchronized void failed(Throwable cause) {
        long now = nanoTime.getAsLong();
        failures++;
        String why = cause == null ? "export failed" : cause.toString();
        if (failures == 1) {
            startedAt = now;
            loggedAt = now;
            log.warn("Zipkin does not take spans: {}; they are dropped until it does", why);
        } else if (now - loggedAt >= EVERY.toNanos()) {
            loggedAt = now;
            log.warn("Zipkin still does not take spans after {} s ({} batches dropped): {}",
                    Duration.ofNanos(now - startedAt).toSeconds(), failures, why);
        }
    }

    synchronized void recovered() {
        if (failures > 0) {
            log.info("Zipkin takes spans again after {} s ({} batches dropped)",
                    Duration.ofNanos(nanoTime.getAsLong() - startedAt).toSeconds(), failures);
            failures = 0;
        }
    }

    @Override
    public CompletableResultCode flush() {
        return exporter.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return exporter.shutdown();
    }

    @Override
    public String toString() {
        return "ZipkinOutage{" + exporter + "}";
    }
}
