package org.emporium.storefront.client.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;
import org.junit.jupiter.api.Test;

class GuardedCatalogTest {

    @Test
    void aReadTimeoutAnywhereInTheCauseChainBecomesAFaultToleranceTimeout() {
        Throwable readTimeout = new ProcessingException(new java.util.concurrent.TimeoutException("idle"));
        assertThat(Upstreams.classify(GuardedCatalog.CATALOG, readTimeout)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void connectionFailuresBecomeRetryableUnavailability() {
        Throwable refused = new ProcessingException(new ConnectException("Connection refused"));
        assertThat(Upstreams.classify(GuardedCatalog.CATALOG, refused)).isInstanceOf(UpstreamUnavailableException.class)
                .isNotInstanceOf(UpstreamRejectedException.class)
                .hasCause(refused);
    }

    @Test
    void answersAlreadySortedAreLeftAsTheyAre() {
        UpstreamRejectedException rejected = new UpstreamRejectedException(GuardedCatalog.CATALOG, 400);
        assertThat(Upstreams.classify(GuardedCatalog.CATALOG, rejected)).isSameAs(rejected);
    }

    @Test
    void errorStatusesAreSortedByWhatTheCallerShouldDo() {
        assertThat(CatalogApi.toException(jakarta.ws.rs.core.Response.status(404).build()))
                .isInstanceOf(UpstreamNotFoundException.class);
        assertThat(CatalogApi.toException(jakarta.ws.rs.core.Response.status(400).build()))
                .isInstanceOf(UpstreamRejectedException.class);
        assertThat(CatalogApi.toException(jakarta.ws.rs.core.Response.status(503).build()))
                .isInstanceOf(UpstreamUnavailableException.class).isNotInstanceOf(UpstreamRejectedException.class);
    }
}
