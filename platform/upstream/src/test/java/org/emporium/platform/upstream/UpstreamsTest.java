package org.emporium.platform.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamsTest {

    @Test
    void aReadTimeoutAnywhereInTheCauseChainBecomesAFaultToleranceTimeout() {
        Throwable readTimeout = new RuntimeException(new java.util.concurrent.TimeoutException("idle"));
        assertThat(Upstreams.classify("catalog", readTimeout)).isInstanceOf(TimeoutException.class);
        assertThat(ReadTimeouts.causedBy(readTimeout)).isTrue();
        assertThat(ReadTimeouts.causedBy(new RuntimeException("boom"))).isFalse();
    }

    @Test
    void connectionFailuresBecomeRetryableUnavailability() {
        Throwable refused = new UncheckedIOException(new ConnectException("Connection refused"));
        assertThat(Upstreams.classify("search", refused)).isInstanceOf(UpstreamUnavailableException.class)
                .hasCause(refused)
                .satisfies(e -> assertThat(((UpstreamException) e).upstream()).isEqualTo("search"));
    }

    @Test
    void answersAlreadySortedAreLeftAsTheyAre() {
        UpstreamRejectedException rejected = new UpstreamRejectedException("catalog", 400);
        assertThat(Upstreams.classify("catalog", rejected)).isSameAs(rejected);
        TimeoutException timeout = new TimeoutException("slow");
        assertThat(Upstreams.classify("catalog", timeout)).isSameAs(timeout);
    }

    @Test
    void errorStatusesAreSortedByWhatTheCallerShouldDo() {
        assertThat(Upstreams.exception("cart", 404)).isInstanceOf(UpstreamNotFoundException.class);
        assertThat(Upstreams.exception("cart", 400)).isInstanceOf(UpstreamRejectedException.class)
                .satisfies(e -> assertThat(((UpstreamRejectedException) e).status()).isEqualTo(400));
        assertThat(Upstreams.exception("cart", 422)).isInstanceOf(UpstreamRejectedException.class);
        assertThat(Upstreams.exception("cart", 503)).isInstanceOf(UpstreamUnavailableException.class);
        assertThat(Upstreams.exception("cart", 503).from("cart")).isTrue();
    }

    @Test
    void aRejectionKeepsTheProblemTheServiceSent() {
        UpstreamRejectedException rejected = new UpstreamRejectedException("orders", 400, "Invalid request", "bad card",
                java.util.List.of(new UpstreamRejectedException.FieldError("payment.cardNumber", "not a card number")));
        assertThat(rejected.detail()).isEqualTo("bad card");
        assertThat(rejected.errors()).extracting(UpstreamRejectedException.FieldError::field).containsExactly("payment.cardNumber");
        assertThat(new UpstreamRejectedException("orders", 422).errors()).isEmpty();
    }
}
