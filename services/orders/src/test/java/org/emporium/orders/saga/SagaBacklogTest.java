package org.emporium.orders.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SagaBacklogTest {

    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger counts = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SagaBacklog backlog = new SagaBacklog(() -> {
        counts.incrementAndGet();
        if (pending.get() < 0) {
            throw new IllegalStateException("database away");
        }
        return pending.get();
    }, 3, Duration.ofMillis(250), now::get);

    @Test
    void admitsWhileFewerThanTheLimitArePending() {
        pending.set(2);
        assertThat(backlog.admitsAnother()).isTrue();

        pending.set(3);
        advance(250);
        assertThat(backlog.admitsAnother()).isFalse();

        pending.set(1);
        advance(250);
        assertThat(backlog.admitsAnother()).as("the saga caught up").isTrue();
    }

    @Test
    void countsAtMostOncePerInterval() {
        pending.set(3);
        assertThat(backlog.admitsAnother()).isFalse();
        pending.set(0);
        advance(249);
        assertThat(backlog.admitsAnother()).as("the last count stands within the interval").isFalse();
        assertThat(counts.get()).isEqualTo(1);

        advance(1);
        assertThat(backlog.admitsAnother()).isTrue();
        assertThat(counts.get()).isEqualTo(2);
    }

    @Test
    void aFailedCountKeepsTheLastOne() {
        pending.set(3);
        assertThat(backlog.admitsAnother()).isFalse();
        pending.set(-1);
        advance(250);
        assertThat(backlog.admitsAnother()).isFalse();
        pending.set(0);
        advance(1);
        assertThat(backlog.admitsAnother()).as("counted again at the next question").isTrue();
    }

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}
