package org.emporium.identity.throttle;

import java.time.Duration;

/**
 * Login attempt bookkeeping: per email (consecutive failures, then an exponentially growing wait) and
 * per client IP (failures within a window). Shared by every identity instance ({@link JdbcLoginThrottle},
 * in identity's database), so failures spread over the instances count together.
 */
public interface LoginThrottle {

    /** How long the caller must still wait before an attempt for this email from this IP; zero if none. */
    Duration waitBefore(String email, String clientIp);

    void failed(String email, String clientIp);

    void succeeded(String email);
}
