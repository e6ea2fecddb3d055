package org.emporium.storefront.client.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class GuardedSearchTest {

    @Test
    void aReadTimeoutBecomesAFaultToleranceTimeoutSoItIsNotRetried() {
        Throwable readTimeout = new ProcessingException(new java.util.concurrent.TimeoutException("idle"));
        assertThat(GuardedSearch.classify(readTimeout)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void connectionFailuresBecomeRetryableUnavailability() {
        Throwable refused = new ProcessingException(new ConnectException("Connection refused"));
        assertThat(GuardedSearch.classify(refused)).isInstanceOf(SearchUnavailableException.class)
                .isNotInstanceOf(SearchRejectedException.class).hasCause(refused);
    }

    @Test
    void errorStatusesAreSortedByWhatTheCallerShouldDo() {
        assertThat(SearchApi.toException(jakarta.ws.rs.core.Response.status(400).build()))
                .isInstanceOf(SearchRejectedException.class);
        assertThat(SearchApi.toException(jakarta.ws.rs.core.Response.status(503).build()))
                .isInstanceOf(SearchUnavailableException.class).isNotInstanceOf(SearchRejectedException.class);
    }
}
