package org.emporium.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ZipkinOutageTest {

    private final Logger log = (Logger) LoggerFactory.getLogger("test.zipkin-outage");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final AtomicLong now = new AtomicLong();
    private final Scripted zipkin = new Scripted();
    private final ZipkinOutage exporter;

    ZipkinOutageTest() {
        lines.start();
        log.addAppender(lines);
        exporter = new ZipkinOutage(zipkin, now::get, log);
    }

    @AfterEach
    void detach() {
        log.detachAppender(lines);
    }

    @Test
    void anOutageIsLoggedWhenItStartsOnceAMinuteAndWhenItEnds() {
        zipkin.up = false;
        for (int batch = 0; batch < 36; batch++) { // three minutes of batches, one every 5 s
            exporter.export(List.of());
            now.addAndGet(Duration.ofSeconds(5).toNanos());
        }
        zipkin.up = true;
        exporter.export(List.of());
        exporter.export(List.of());

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "Zipkin does not take spans: java.net.ConnectException: refused; they are dropped until it does",
                "Zipkin still does not take spans after 60 s (13 batches dropped): java.net.ConnectException: refused",
                "Zipkin still does not take spans after 120 s (25 batches dropped): java.net.ConnectException: refused",
                "Zipkin takes spans again after 180 s (36 batches dropped)");
        assertThat(lines.list).allMatch(line -> line.getThrowableProxy() == null);
    }

    @Test
    void exportsThatWorkLogNothing() {
        exporter.export(List.of());
        assertThat(lines.list).isEmpty();
    }

    /** Answers every batch at once: refused while down. */
    static final class Scripted implements SpanExporter {

        volatile boolean up = true;

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return up ? CompletableResultCode.ofSuccess()
                    : CompletableResultCode.ofExceptionalFailure(new ConnectException("refused"));
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
