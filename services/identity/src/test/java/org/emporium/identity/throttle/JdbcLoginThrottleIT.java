package org.emporium.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.emporium.identity.IdentityProperties;
import org.emporium.identity.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The throttle against a real PostgreSQL with identity's migrations. Two {@link JdbcLoginThrottle}s, each
 * with its own connection pool, stand for two identity instances; they share the database and the clock.
 * The sign-up throttle's windows are checked here too, with the same clock ({@code SignupThrottleIT}
 * covers its limits over HTTP, where time cannot be moved).
 */
class JdbcLoginThrottleIT {

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final IdentityProperties.Throttle SETTINGS = new IdentityProperties.Throttle(
            5, Duration.ofSeconds(1), Duration.ofMinutes(15), 50, Duration.ofMinutes(10));

    private static HikariDataSource firstPool;
    private static HikariDataSource secondPool;

    private final TestClock clock = new TestClock();
    private JdbcLoginThrottle throttle;
    private JdbcLoginThrottle otherInstance;
    private JdbcClient jdbc;

    @BeforeAll
    static void database() {
        Map<String, String> settings = TestDatabase.create("identity_throttle");
        firstPool = pool(settings);
        secondPool = pool(settings);
        Flyway.configure().dataSource(firstPool).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void closePools() {
        firstPool.close();
        secondPool.close();
    }

    @BeforeEach
    void emptyTables() {
        jdbc = JdbcClient.create(firstPool);
        jdbc.sql("TRUNCATE login_email_failures, login_ip_failures, signup_ip_attempts, signup_email_attempts").update();
        throttle = new JdbcLoginThrottle(SETTINGS, jdbc, clock);
        otherInstance = new JdbcLoginThrottle(SETTINGS, JdbcClient.create(secondPool), clock);
    }

    @Test
    void fiveFailuresAreFreeThenTheWaitDoublesUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("a@example.com", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("a@example.com", "10.0.0.1")).isZero();
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.waitBefore("a@example.com", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore(" A@Example.com", "10.0.0.2")).as("same email, any case, any IP")
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
    void aSignupWindowThatHasEndedStartsAfreshAndIsForgotten() {
        SignupThrottle signups = new SignupThrottle(new IdentityProperties.SignupThrottle(
                2, Duration.ofMinutes(10), 3, Duration.ofHours(1)), jdbc, clock);
        assertThat(signups.attempt("one@example.com", "10.0.0.20")).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(signups.attempt("two@example.com", "10.0.0.20")).isZero();
        assertThat(signups.attempt("three@example.com", "10.0.0.20")).as("the window's end, from its first attempt")
                .isEqualTo(Duration.ofMinutes(6));

        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(signups.attempt("three@example.com", "10.0.0.20")).as("a new window").isZero();
        assertThat(signups.attempt("four@example.com", "10.0.0.20")).isZero();
        assertThat(signups.attempt("five@example.com", "10.0.0.20")).isEqualTo(Duration.ofMinutes(10));

        // the email counter: three attempts in an hour, the fourth waits for the hour's end
        for (int i = 0; i < 3; i++) {
            assertThat(signups.attempt("popular@example.com", "10.0.1." + i)).isZero();
        }
        assertThat(signups.attempt("popular@example.com", "10.0.1.9")).isEqualTo(Duration.ofHours(1));
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThat(signups.forgetExpired()).as("every window has ended: five addresses, five emails").isEqualTo(10);
        assertThat(signups.attempt("popular@example.com", "10.0.1.9")).isZero();
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
        throttle.failed("fresh@example.com", "10.0.0.9");
        assertThat(throttle.waitBefore("fresh@example.com", "10.0.0.9")).as("a new window counts from one").isZero();
    }

    @Test
    void twentyWrongPasswordsSpreadOverTwoInstancesAreThrottledTogether() {
        List<JdbcLoginThrottle> instances = List.of(throttle, otherInstance);
        for (int i = 1; i <= 20; i++) {
            instances.get(i % 2).failed("c@example.com", "10.0.0.3");
            Duration expected = i < 5 ? Duration.ZERO : throttle.delay(i);
            assertThat(throttle.waitBefore("c@example.com", "10.0.0.3")).as("after %d failures", i).isEqualTo(expected);
            assertThat(otherInstance.waitBefore("c@example.com", "10.0.0.3")).as("after %d failures", i).isEqualTo(expected);
        }

        otherInstance.succeeded("c@example.com");
        assertThat(throttle.waitBefore("c@example.com", "10.0.0.3")).as("a success on one clears both").isZero();
    }

    @Test
    void failuresFromOneIpSpreadOverTwoInstancesBlockItOnBoth() {
        for (int i = 0; i < 50; i++) {
            (i % 2 == 0 ? throttle : otherInstance).failed("user" + i + "@example.com", "10.0.0.4");
        }
        assertThat(throttle.waitBefore("fresh@example.com", "10.0.0.4")).isEqualTo(Duration.ofMinutes(10));
        assertThat(otherInstance.waitBefore("fresh@example.com", "10.0.0.4")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void concurrentFailuresOnTwoInstancesAreAllCounted() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (JdbcLoginThrottle instance : List.of(throttle, otherInstance)) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        instance.failed("d@example.com", "10.0.0.5");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT failures FROM login_email_failures").query(Integer.class).single()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT failures FROM login_ip_failures").query(Integer.class).single()).isEqualTo(50);
        assertThat(throttle.waitBefore("fresh@example.com", "10.0.0.5")).as("the 50th failure blocks the IP")
                .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void countersArePastAfterTheirTimeAndTheCleanUpDeletesThem() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("e@example.com", "10.0.0.6");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(throttle.forgetExpired()).as("the IP's window has ended; the email's failures still count").isEqualTo(1);
        assertThat(throttle.waitBefore("e@example.com", "10.0.0.6")).isZero();

        clock.now = clock.now.plus(Duration.ofDays(1));
        throttle.failed("e@example.com", "10.0.0.6");
        assertThat(jdbc.sql("SELECT failures FROM login_email_failures").query(Integer.class).single())
                .as("a day after the last failure the count starts again, even before the clean-up").isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofDays(1));
        assertThat(otherInstance.forgetExpired()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM login_email_failures").query(Integer.class).single()).isZero();
    }

    private static HikariDataSource pool(Map<String, String> settings) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(settings.get("spring.datasource.url"));
        pool.setUsername(settings.get("spring.datasource.username"));
        pool.setPassword(settings.get("spring.datasource.password"));
        pool.setMaximumPoolSize(2);
        return pool;
    }
}
