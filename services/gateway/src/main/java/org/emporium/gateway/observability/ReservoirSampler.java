package org.emporium.gateway.observability;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Which new traces the gateway records: the first {@code perSecond} of every second, then
 * {@code ratio} of the rest (AWS X-Ray's default rule has the same shape: a reservoir, then a fixed
 * rate). Someone clicking through the shop sees every request in Zipkin, while under load the cost
 * of tracing (spans, their export, Zipkin, the access lines that follow the decision) stays about
 * {@code ratio} of what recording every request would cost. Wrapped in a parent-based sampler:
 * a request that arrives with a sampling decision keeps it.
 */
final class ReservoirSampler implements Sampler {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private final Sampler rest;
    private final LongSupplier nanoTime;
    private volatile long second = Long.MIN_VALUE;
    private final AtomicInteger takenThisSecond = new AtomicInteger();

    ReservoirSampler(int perSecond, double ratio, LongSupplier nanoTime) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("a reservoir of traces per second cannot be negative: " + perSecond);
        }
        this.perSecond = perSecond;
        this.rest = Sampler.traceIdRatioBased(ratio);
        this.nanoTime = nanoTime;
    }

    /**
     * The gateway's sampler: a ratio of 0 turns tracing off, the reservoir too (tests and the chaos
     * runs rely on that); otherwise the reservoir, then the ratio, for traces that start here.
     */
    static Sampler of(int perSecond, double ratio) {
        if (ratio <= 0) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(new ReservoirSampler(perSecond, ratio, System::nanoTime));
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        if (inReservoir()) {
            return SamplingResult.recordAndSample();
        }
        return rest.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    private boolean inReservoir() {
        long now = nanoTime.getAsLong() / NANOS_PER_SECOND;
        if (now != second) {
            // two threads crossing into a new second at once may both reset: a trace or two more
            // than perSecond in that second, never fewer
            second = now;
            takenThisSecond.set(0);
        }
        return takenThisSecond.get() < perSecond && takenThisSecond.incrementAndGet() <= perSecond;
    }

    @Override
    public String getDescription() {
        return "Reservoir{perSecond=" + perSecond + ", then " + rest.getDescription() + "}";
    }
}
