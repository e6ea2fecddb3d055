package org.emporium.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void doublesPerFailureWithJitterUpToTheCap() {
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.after(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(backoff.after(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(backoff.after(50)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
        }
    }
}
