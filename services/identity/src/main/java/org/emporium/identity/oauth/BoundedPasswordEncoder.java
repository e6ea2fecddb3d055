package org.emporium.identity.oauth;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that runs at most a few hashes at once; the others wait their turn. Each Argon2id
 * hash takes 7 MiB of heap for its duration: 32 sign-ins at once wanted 224 MiB of a 128 MB heap, the
 * JVM spent its time collecting, every thread stalled (those holding database connections too), the
 * connection pool ran dry and identity answered 500s until its probe failed (the browse benchmark at
 * 32 shoppers, issue 18). The hash is CPU-bound, so running more at once than there are cores gains
 * nothing anyway. A caller that waits longer than {@code maxWait} gets an authentication service
 * error (the sign-in page says to try again), not a hang.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long maxWaitMillis;

    BoundedPasswordEncoder(PasswordEncoder delegate, int concurrency, java.time.Duration maxWait) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.delegate = delegate;
        this.permits = new Semaphore(concurrency, true);
        this.maxWaitMillis = maxWait.toMillis();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw new InternalAuthenticationServiceException("too many passwords being checked at once; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalAuthenticationServiceException("interrupted waiting to check a password", e);
        }
    }
}
