package org.emporium.storefront.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;
import org.junit.jupiter.api.Test;

class GuardedSearchTest {

    @Test
    void aReadTimeoutBecomesAFaultToleranceTimeoutSoItIsNotRetried() {
        Throwable readTimeout = new ProcessingException(new java.util.concurrent.TimeoutException("idle"));
        assertThat(Upstreams.classify(GuardedSearch.SEARCH, readTimeout)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void connectionFailuresBecomeRetryableUnavailability() {
        Throwable refused = new ProcessingException(new ConnectException("Connection refused"));
        assertThat(Upstreams.classify(GuardedSearch.SEARCH, refused)).isInstanceOf(UpstreamUnavailableException.class)
                .isNotInstanceOf(UpstreamRejectedException.class).hasCause(refused);
    }

    @Test
    void errorStatusesAreSortedByWhatTheCallerShouldDo() {
        assertThat(SearchApi.toException(jakarta.ws.rs.core.Response.status(400).build()))
                .isInstanceOf(UpstreamRejectedException.class);
        assertThat(SearchApi.toException(jakarta.ws.rs.core.Response.status(503).build()))
                .isInstanceOf(UpstreamUnavailableException.class).isNotInstanceOf(UpstreamRejectedException.class);
    }
}
