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
 * Sign-up attempts per client IP and per email, each within a fixed window, in identity's database
 * (tables {@code signup_ip_attempts} and {@code signup_email_attempts}) so every instance counts with
 * the others; built like {@link JdbcLoginThrottle}'s per-IP counter. An attempt is counted and judged by
 * one {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING} per counter, which Postgres serialises per row,
 * so no attempt is lost and all instances together allow no more than the limit. The email is counted
 * whether or not it has an account, so a refusal says nothing about accounts. Times come from the injected
 * clock (instances are assumed NTP-synchronised, as for the login throttle).
 */
public class SignupThrottle {

    private final IdentityProperties.SignupThrottle settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SignupThrottle(IdentityProperties.SignupThrottle settings, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts an attempt to sign up {@code email} from {@code clientIp}. Returns how long the caller must wait
     * before the next one is allowed when this one is over a limit, else zero. An attempt refused for its
     * IP is not counted against the email, so a flood from one address uses up no one else's attempts.
     */
    public Duration attempt(String email, String clientIp) {
        Instant now = clock.instant();
        Duration wait = count("signup_ip_attempts", "client_ip", clientIp == null ? "" : clientIp,
                settings.ipMaxAttempts(), settings.ipWindow(), now);
        if (!wait.isZero()) {
            return wait;
        }
        return count("signup_email_attempts", "email_sha256", EmailDigest.of(email),
                settings.emailMaxAttempts(), settings.emailWindow(), now);
    }

    /** {@code table} and {@code key} are this class's constants, never input. */
    private Duration count(String table, String key, Object value, int max, Duration window, Instant now) {
        // a window that has ended starts a new one at this attempt
        return jdbc.sql("INSERT INTO " + table + " AS t (" + key + ", attempts, window_start) VALUES (:key, 1, :now)"
                        + " ON CONFLICT (" + key + ") DO UPDATE SET"
                        + " attempts = CASE WHEN t.window_start > :windowEnded THEN t.attempts + 1 ELSE 1 END,"
                        + " window_start = CASE WHEN t.window_start > :windowEnded THEN t.window_start"
                        + " ELSE EXCLUDED.window_start END"
                        + " RETURNING attempts, window_start")
                .param("key", value)
                .param("now", Timestamp.from(now))
                .param("windowEnded", Timestamp.from(now.minus(window)))
                .query((rs, row) -> {
                    if (rs.getInt("attempts") <= max) {
                        return Duration.ZERO;
                    }
                    Duration wait = Duration.between(now, rs.getTimestamp("window_start").toInstant().plus(window));
                    // at least a second: the window may end between the read and the answer
                    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
                })
                .single();
    }

    /**
     * Deletes the rows whose window has ended (they already count as absent), in batches; every instance
     * runs it without coordination, as {@link JdbcLoginThrottle#forgetExpired()}. Returns how many went.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
    public int forgetExpired() {
        Instant now = clock.instant();
        return BatchedDelete.delete(jdbc, "signup_ip_attempts", "client_ip", "window_start <= :before",
                Map.of("before", Timestamp.from(now.minus(settings.ipWindow()))))
                + BatchedDelete.delete(jdbc, "signup_email_attempts", "email_sha256", "window_start <= :before",
                Map.of("before", Timestamp.from(now.minus(settings.emailWindow()))));
    }
}
