package org.emporium.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest {

    private final AccessLog accessLog = new AccessLog(new RequestSpan(Tracer.NOOP));

    @Test
    void logsMethodPathStatusAndDurationWithoutTheQuery(CapturedOutput output) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        ServerRequestObservationContext request = new ServerRequestObservationContext(
                MockServerHttpRequest.get("/api/catalog/products?q=secret").build(), response, new HashMap<>());

        accessLog.onStart(request);
        response.setStatusCode(HttpStatus.NOT_FOUND);
        accessLog.onStop(request);

        assertThat(output).containsPattern("GET /api/catalog/products 404 \\d+ms").doesNotContain("secret");
    }

    @Test
    void logsAnAbortedRequestAsAborted(CapturedOutput output) {
        ServerRequestObservationContext request = new ServerRequestObservationContext(
                MockServerHttpRequest.post("/api/catalog/orders").build(), new MockServerHttpResponse(), new HashMap<>());

        accessLog.onStart(request);
        request.setConnectionAborted(true);
        accessLog.onStop(request);

        assertThat(output).containsPattern("POST /api/catalog/orders aborted \\d+ms");
    }
}
