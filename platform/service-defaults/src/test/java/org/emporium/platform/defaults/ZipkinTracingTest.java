package org.emporium.platform.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZipkinTracingTest {

    private final OutageLogTest.RecordingLogger log = new OutageLogTest.RecordingLogger();
    private final Scripted zipkin = new Scripted();
    private final SpanExporter exporter = new ZipkinTracing.Reported(zipkin,
            new OutageLog(log, "exporting spans to Zipkin", "spans are dropped", Duration.ofMinutes(1)));

    @Test
    void anOutageOfZipkinIsLoggedOnceNotOncePerBatch() {
        zipkin.up = false;
        for (int i = 0; i < 12; i++) { // a minute of batches, one every 5 s
            exporter.export(List.of());
        }
        assertEquals(List.of("WARN exporting spans to Zipkin failed: java.net.ConnectException: Connection refused; "
                + "spans are dropped"), log.lines);

        zipkin.up = true;
        exporter.export(List.of());
        exporter.export(List.of());
        assertEquals(2, log.lines.size());
        assertTrue(log.lines.get(1).startsWith("INFO exporting spans to Zipkin works again after 0 s (12 failed attempts)"),
                log.lines.get(1));
    }

    @Test
    void exportsThatWorkLogNothing() {
        exporter.export(List.of());
        assertEquals(List.of(), log.lines);
    }

    /** Answers every batch at once: refused while down. */
    static final class Scripted implements SpanExporter {

        volatile boolean up = true;

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return up ? CompletableResultCode.ofSuccess()
                    : CompletableResultCode.ofExceptionalFailure(new ConnectException("Connection refused"));
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
