package org.emporium.identity.throttle;

import java.time.Duration;

/**
 * Login attempt bookkeeping: per email (consecutive failures, then an exponentially growing wait) and
 * per client IP (failures within a window). The in-memory implementation is per instance; a shared
 * (Redis) implementation will back it when identity runs more than one instance.
 */
public interface LoginThrottle {

    /** How long the caller must still wait before an attempt for this email from this IP; zero if none. */
    Duration waitBefore(String email, String clientIp);

    void failed(String email, String clientIp);

    void succeeded(String email);
}
