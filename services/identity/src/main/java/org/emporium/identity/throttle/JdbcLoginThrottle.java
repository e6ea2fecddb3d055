package org.emporium.identity.throttle;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.emporium.identity.IdentityProperties;
import org.emporium.identity.jdbc.BatchedDelete;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@link LoginThrottle} in identity's database (tables {@code login_email_failures} and
 * {@code login_ip_failures}), so every instance sees the failures counted by the others. Each failure is
 * one {@code INSERT … ON CONFLICT … DO UPDATE}: Postgres serialises concurrent upserts of one row, so no
 * increment is lost. Times come from the injected clock, not the database's, so tests can move them; the
 * instances' clocks are assumed synchronised (NTP), a skew of seconds only shifts a wait by as much.
 */
public class JdbcLoginThrottle implements LoginThrottle {

    /** Rows deleted per statement by {@link #forgetExpired()}, so one clean-up never holds many locks long. */

    private final IdentityProperties.Throttle settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Consecutive failures are forgotten this long after the last one (a day, or the longest wait if longer). */
    private final Duration keep;

    public JdbcLoginThrottle(IdentityProperties.Throttle settings, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = settings.maxDelay().compareTo(Duration.ofDays(1)) > 0 ? settings.maxDelay() : Duration.ofDays(1);
    }

    @Override
    public Duration waitBefore(String email, String clientIp) {
        Instant now = clock.instant();
        // one round trip for both counters; a row past its time counts as absent even before it is deleted
        return jdbc.sql("""
                        SELECT e.failures AS email_failures, e.last_failure_at, i.failures AS ip_failures, i.window_start
                        FROM (SELECT 1) AS one
                        LEFT JOIN login_email_failures e ON e.email_sha256 = :email AND e.last_failure_at > :emailForgotten
                        LEFT JOIN login_ip_failures i ON i.client_ip = :ip AND i.window_start > :windowEnded""")
                .param("email", EmailDigest.of(email))
                .param("emailForgotten", Timestamp.from(now.minus(keep)))
                .param("ip", clientIp == null ? "" : clientIp)
                .param("windowEnded", Timestamp.from(now.minus(settings.ipWindow())))
                .query((rs, row) -> {
                    Duration wait = Duration.ZERO;
                    int emailFailures = rs.getInt("email_failures");
                    if (emailFailures >= settings.freeFailures() && rs.getTimestamp("last_failure_at") != null) {
                        Instant last = rs.getTimestamp("last_failure_at").toInstant();
                        wait = max(wait, Duration.between(now, last.plus(delay(emailFailures))));
                    }
                    int ipFailures = rs.getInt("ip_failures");
                    if (ipFailures >= settings.ipMaxFailures() && rs.getTimestamp("window_start") != null) {
                        Instant windowStart = rs.getTimestamp("window_start").toInstant();
                        wait = max(wait, Duration.between(now, windowStart.plus(settings.ipWindow())));
                    }
                    return wait.isNegative() ? Duration.ZERO : wait;
                })
                .single();
    }

    @Override
    public void failed(String email, String clientIp) {
        Instant now = clock.instant();
        // a forgotten row starts again at one; GREATEST keeps the latest failure if instances' clocks differ
        jdbc.sql("""
                        INSERT INTO login_email_failures AS e (email_sha256, failures, last_failure_at)
                        VALUES (:email, 1, :now)
                        ON CONFLICT (email_sha256) DO UPDATE SET
                            failures = CASE WHEN e.last_failure_at > :forgotten THEN e.failures + 1 ELSE 1 END,
                            last_failure_at = GREATEST(e.last_failure_at, EXCLUDED.last_failure_at)""")
                .param("email", EmailDigest.of(email))
                .param("now", Timestamp.from(now))
                .param("forgotten", Timestamp.from(now.minus(keep)))
                .update();
        if (clientIp != null) {
            // a window that has ended starts a new one at this failure
            jdbc.sql("""
                            INSERT INTO login_ip_failures AS i (client_ip, failures, window_start)
                            VALUES (:ip, 1, :now)
                            ON CONFLICT (client_ip) DO UPDATE SET
                                failures = CASE WHEN i.window_start > :windowEnded THEN i.failures + 1 ELSE 1 END,
                                window_start = CASE WHEN i.window_start > :windowEnded THEN i.window_start
                                                    ELSE EXCLUDED.window_start END""")
                    .param("ip", clientIp)
                    .param("now", Timestamp.from(now))
                    .param("windowEnded", Timestamp.from(now.minus(settings.ipWindow())))
                    .update();
        }
    }

    @Override
    public void succeeded(String email) {
        jdbc.sql("DELETE FROM login_email_failures WHERE email_sha256 = :email").param("email", EmailDigest.of(email)).update();
    }

    /**
     * Deletes the rows that no longer count (see the conditions in {@link #waitBefore}), in batches. Every
     * instance runs it and they need no coordination: a row deleted twice is deleted once. Stale rows
     * already count as absent, so the interval only bounds how many accumulate. Returns how many went.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    public int forgetExpired() {
        Instant now = clock.instant();
        int deleted = 0;
        deleted += deleteInBatches("login_email_failures", "email_sha256", "last_failure_at", now.minus(keep));
        deleted += deleteInBatches("login_ip_failures", "client_ip", "window_start", now.minus(settings.ipWindow()));
        return deleted;
    }

    private int deleteInBatches(String table, String key, String time, Instant before) {
        return BatchedDelete.delete(jdbc, table, key, time + " <= :before", Map.of("before", Timestamp.from(before)));
    }

    /** The wait after {@code count} consecutive failures: the initial delay, doubling, at most the maximum. */
    Duration delay(int count) {
        int over = count - settings.freeFailures();
        if (over < 0) {
            return Duration.ZERO;
        }
        Duration delay = settings.initialDelay();
        for (int i = 0; i < over && delay.compareTo(settings.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
