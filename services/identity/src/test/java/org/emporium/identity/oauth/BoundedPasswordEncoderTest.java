package org.emporium.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    /** Counts how many checks run at once, each holding until released. */
    private static final class Slow implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return encoded.equals(encode(raw));
        }
    }

    @Test
    void eightSignInsAtOnceAreCheckedTwoAtATimeAndAllAnswered() throws Exception {
        Slow slow = new Slow();
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                checks.add(pool.submit(() -> bounded.matches("secret", "hash:secret")));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (slow.running.get() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(slow.running.get()).isEqualTo(2);
            slow.release.countDown();
            for (Future<Boolean> check : checks) {
                assertThat(check.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(slow.most.get()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCheckThatCannotStartInTimeIsAnAuthenticationServiceErrorNotAHang() throws Exception {
        Slow slow = new Slow();
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 1, Duration.ofMillis(200));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = pool.submit(() -> bounded.matches("secret", "hash:secret"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (slow.running.get() < 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> bounded.matches("other", "hash:other"))
                    .isInstanceOf(InternalAuthenticationServiceException.class);
            slow.release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clientSecretsAreStoredUnderTheirOwnIdAndVerifyThroughTheDelegatingEncoder() {
        String stored = ClientSecrets.encode("a-long-random-secret");
        assertThat(stored).startsWith("{pbkdf2-client-secret}").doesNotContain("a-long-random-secret");
        assertThat(ClientSecrets.isCurrent(stored)).isTrue();
        assertThat(ClientSecrets.isCurrent("{argon2}$argon2id$v=19$m=7168,t=5,p=1$x$y")).isFalse();
        PasswordEncoder identity = new AuthorizationServerConfiguration().passwordEncoder();
        assertThat(identity.matches("a-long-random-secret", stored)).isTrue();
        assertThat(identity.matches("another-secret", stored)).isFalse();
    }
}
