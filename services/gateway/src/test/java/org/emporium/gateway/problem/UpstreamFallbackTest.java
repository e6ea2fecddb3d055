package org.emporium.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class UpstreamFallbackTest {

    @Test
    void aRefusedConnectionMeansTheServiceIsUnavailable() {
        ResponseStatusException error = UpstreamFallback.toError("catalog", new ConnectException("refused"));

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(error.getReason()).isEqualTo("catalog is unavailable; try again shortly");
    }

    @Test
    void anOpenCircuitMeansTheServiceIsUnavailable() {
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("catalog"));

        assertThat(UpstreamFallback.toError("catalog", open).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void theGatewaysResponseTimeoutMeansGatewayTimeout() {
        ResponseStatusException timeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                "Response took longer than timeout: PT5S");

        ResponseStatusException error = UpstreamFallback.toError("catalog", timeout);

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(error.getReason()).isEqualTo("catalog did not answer in time; try again shortly");
    }

    @Test
    void aTimeLimiterTimeoutMeansGatewayTimeout() {
        assertThat(UpstreamFallback.toError("catalog", new TimeoutException()).getStatusCode())
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }

    @Test
    void theClientsOwnFaultKeepsItsStatus() {
        ResponseStatusException tooLarge = new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "too big");

        ResponseStatusException error = UpstreamFallback.toError("catalog", tooLarge);

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(error.getReason()).isEqualTo("too big");
    }
}
