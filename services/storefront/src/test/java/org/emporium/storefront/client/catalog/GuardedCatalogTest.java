package org.emporium.storefront.client.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class GuardedCatalogTest {

    @Test
    void aReadTimeoutAnywhereInTheCauseChainBecomesAFaultToleranceTimeout() {
        Throwable readTimeout = new ProcessingException(new java.util.concurrent.TimeoutException("idle"));
        assertThat(GuardedCatalog.classify(readTimeout)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void connectionFailuresBecomeRetryableUnavailability() {
        Throwable refused = new ProcessingException(new ConnectException("Connection refused"));
        assertThat(GuardedCatalog.classify(refused)).isInstanceOf(CatalogUnavailableException.class)
                .isNotInstanceOf(CatalogRejectedException.class)
                .hasCause(refused);
    }

    @Test
    void answersAlreadySortedAreLeftAsTheyAre() {
        CatalogRejectedException rejected = new CatalogRejectedException("400");
        assertThat(GuardedCatalog.classify(rejected)).isSameAs(rejected);
    }

    @Test
    void errorStatusesAreSortedByWhatTheCallerShouldDo() {
        assertThat(CatalogApi.toException(jakarta.ws.rs.core.Response.status(404).build()))
                .isInstanceOf(CatalogNotFoundException.class);
        assertThat(CatalogApi.toException(jakarta.ws.rs.core.Response.status(400).build()))
                .isInstanceOf(CatalogRejectedException.class);
        assertThat(CatalogApi.toException(jakarta.ws.rs.core.Response.status(503).build()))
                .isInstanceOf(CatalogUnavailableException.class).isNotInstanceOf(CatalogRejectedException.class);
    }
}
