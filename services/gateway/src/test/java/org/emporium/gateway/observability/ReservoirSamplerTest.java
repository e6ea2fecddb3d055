package org.emporium.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReservoirSamplerTest {

    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    @Test
    void takesTheFirstOfEachSecondThenTheRatioOfTheRest() {
        ReservoirSampler sampler = new ReservoirSampler(3, 0.0, nanos::get);

        assertThat(decisions(sampler, 5)).containsExactly(true, true, true, false, false);
        nanos.addAndGet(999_000_000L); // same second
        assertThat(decisions(sampler, 1)).containsExactly(false);
        nanos.addAndGet(1_000_000L); // the next second
        assertThat(decisions(sampler, 4)).containsExactly(true, true, true, false);
    }

    @Test
    void beyondTheReservoirAboutTheRatioIsRecorded() {
        ReservoirSampler sampler = new ReservoirSampler(0, 0.1, nanos::get);

        long sampled = decisions(sampler, 20_000).stream().filter(d -> d).count();

        assertThat(sampled).isBetween(1_700L, 2_300L);
    }

    @Test
    void aRatioOfZeroTurnsTracingOffReservoirIncluded() {
        Sampler off = ReservoirSampler.of(10, 0.0);

        assertThat(sample(off, Context.root())).isFalse();
    }

    @Test
    void aRequestThatArrivesWithADecisionKeepsIt() {
        Sampler sampler = ReservoirSampler.of(0, 0.000_001);

        assertThat(sample(sampler, parent(TraceFlags.getSampled()))).isTrue();
        assertThat(sample(ReservoirSampler.of(1_000, 1.0), parent(TraceFlags.getDefault()))).isFalse();
    }

    @Test
    void aNegativeReservoirIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ReservoirSampler(-1, 0.1, nanos::get));
    }

    private static List<Boolean> decisions(Sampler sampler, int count) {
        return IntStream.range(0, count).mapToObj(i -> sample(sampler, Context.root())).toList();
    }

    private static boolean sample(Sampler sampler, Context parent) {
        String traceId = randomHex(32);
        return sampler.shouldSample(parent, traceId, "GET /p/{sku}", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision() == SamplingDecision.RECORD_AND_SAMPLE;
    }

    private static Context parent(TraceFlags flags) {
        SpanContext remote = SpanContext.createFromRemoteParent(randomHex(32), randomHex(16), flags, TraceState.getDefault());
        return Context.root().with(Span.wrap(remote));
    }

    private static String randomHex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
        }
        return hex.toString();
    }
}
