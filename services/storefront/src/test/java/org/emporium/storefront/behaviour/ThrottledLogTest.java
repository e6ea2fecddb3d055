package org.emporium.storefront.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

    @Test
    void logsAtOnceThenAtMostOncePerInterval() {
        AtomicLong now = new AtomicLong(1_000);
        ThrottledLog log = new ThrottledLog(Logger.getLogger(ThrottledLogTest.class), Duration.ofMinutes(1), now::get);
        RuntimeException failure = new RuntimeException("Kafka away");

        assertThat(log.warn("lost", failure)).isTrue();
        assertThat(log.warn("lost", failure)).isFalse();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(log.warn("lost", failure)).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(log.warn("lost", failure)).isTrue();
        assertThat(log.warn("lost", failure)).isFalse();
    }
}
