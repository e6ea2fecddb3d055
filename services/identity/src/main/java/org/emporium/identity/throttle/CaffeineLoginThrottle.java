package org.emporium.identity.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.emporium.identity.IdentityProperties;

/** {@link LoginThrottle} in this instance's memory, bounded in size; entries expire on their own. */
public class CaffeineLoginThrottle implements LoginThrottle {

    private record EmailFailures(int count, Instant last) {
    }

    private record IpFailures(int count, Instant windowStart) {
    }

    private final IdentityProperties.Throttle settings;
    private final Clock clock;
    private final Cache<String, EmailFailures> emails;
    private final Cache<String, IpFailures> ips;

    public CaffeineLoginThrottle(IdentityProperties.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        // consecutive failures are forgotten a day after the last one (or after the longest wait, if longer)
        Duration keep = settings.maxDelay().compareTo(Duration.ofDays(1)) > 0 ? settings.maxDelay() : Duration.ofDays(1);
        this.emails = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(keep).build();
        this.ips = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(settings.ipWindow()).build();
    }

    @Override
    public Duration waitBefore(String email, String clientIp) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        EmailFailures failures = emails.getIfPresent(key(email));
        if (failures != null && failures.count() >= settings.freeFailures()) {
            wait = max(wait, Duration.between(now, failures.last().plus(delay(failures.count()))));
        }
        IpFailures ip = clientIp == null ? null : ips.getIfPresent(clientIp);
        if (ip != null && ip.count() >= settings.ipMaxFailures()) {
            wait = max(wait, Duration.between(now, ip.windowStart().plus(settings.ipWindow())));
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    @Override
    public void failed(String email, String clientIp) {
        Instant now = clock.instant();
        emails.asMap().merge(key(email), new EmailFailures(1, now), (old, one) -> new EmailFailures(old.count() + 1, now));
        if (clientIp != null) {
            ips.asMap().merge(clientIp, new IpFailures(1, now), (old, one) ->
                    old.windowStart().plus(settings.ipWindow()).isAfter(now)
                            ? new IpFailures(old.count() + 1, old.windowStart())
                            : new IpFailures(1, now));
        }
    }

    @Override
    public void succeeded(String email) {
        emails.invalidate(key(email));
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

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
