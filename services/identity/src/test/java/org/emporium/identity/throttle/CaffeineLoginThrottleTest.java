package org.emporium.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.emporium.identity.IdentityProperties;
import org.junit.jupiter.api.Test;

class CaffeineLoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final CaffeineLoginThrottle throttle = new CaffeineLoginThrottle(new IdentityProperties.Throttle(
            5, Duration.ofSeconds(1), Duration.ofMinutes(15), 50, Duration.ofMinutes(10)), clock);

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("a@example.com", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("a@example.com", "10.0.0.1")).isZero();
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.waitBefore("a@example.com", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("A@Example.com", "10.0.0.2")).as("same email, any case, any IP")
                .isEqualTo(Duration.ofSeconds(1));

        assertThat(throttle.delay(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delay(7)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.delay(14)).isEqualTo(Duration.ofSeconds(512));
        assertThat(throttle.delay(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.delay(1000)).isEqualTo(Duration.ofMinutes(15));

        clock.now = clock.now.plusMillis(1000);
        assertThat(throttle.waitBefore("a@example.com", "10.0.0.1")).isZero();
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.waitBefore("a@example.com", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void successClearsTheEmail() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("b@example.com", "10.0.0.1");
        }
        throttle.succeeded("b@example.com");
        assertThat(throttle.waitBefore("b@example.com", "10.0.0.1")).isZero();
    }

    @Test
    void fiftyFailuresFromOneIpBlockItUntilTheWindowEnds() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("user" + i + "@example.com", "10.0.0.9");
        }
        assertThat(throttle.waitBefore("fresh@example.com", "10.0.0.9")).isEqualTo(Duration.ofMinutes(10));
        assertThat(throttle.waitBefore("fresh@example.com", "10.0.0.10")).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(throttle.waitBefore("fresh@example.com", "10.0.0.9")).isZero();
    }
}
