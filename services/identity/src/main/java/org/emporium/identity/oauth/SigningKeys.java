package org.emporium.identity.oauth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.emporium.identity.oauth.SigningKeyStore.Rotation;
import org.emporium.identity.oauth.SigningKeyStore.StoredKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys as every instance sees them: read from the database ({@link SigningKeyStore}) and
 * kept for {@link #REFRESH}, so a rotation on one instance reaches the others within seconds without
 * a query per token or per JWKS request.
 *
 * <p>Two views. {@link #published()}: the public halves of the active key and of the retired keys
 * whose tokens may still be in use, for {@code /oauth2/jwks} and for verifying tokens.
 * {@link #signing()}: exactly one key, the one tokens are signed with.
 *
 * <p>A new key signs only once it is {@link #SWITCH_DELAY} old: by then every instance has loaded it,
 * so whichever instance a resource server fetches the JWKS from already lists the kid of any token it
 * receives (a resource server that missed a kid would not ask again for a while). Until then the key
 * it replaced signs on; a retired key is published for long enough to cover that (see
 * {@link #publishedAfterRetirement}).
 */
public class SigningKeys {

    /** How old the loaded keys may get before a reader loads them again. */
    static final Duration REFRESH = Duration.ofSeconds(5);
    /** A refresh on every instance, plus two seconds for the rotation's commit and the load itself. */
    static final Duration SWITCH_DELAY = REFRESH.plusSeconds(2);
    /** Spring Authorization Server 7.0.5's JwtGenerator gives every ID token 30 minutes; it is not a setting. */
    static final Duration ID_TOKEN_TTL = Duration.ofMinutes(30);

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    /** Keys as loaded at {@code loadedAt} (System.nanoTime), to be loaded again from {@code reloadAt}. */
    private record Snapshot(List<StoredKey> newestFirst, JWKSet publicKeys, long loadedAt, long reloadAt) {

        Snapshot retryLater(long now) {
            return new Snapshot(newestFirst, publicKeys, loadedAt, now + REFRESH.toNanos());
        }
    }

    private final SigningKeyStore store;
    private final Duration published;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Snapshot snapshot;
    /** Whether the last load failed (guarded by {@link #loading}): an outage is logged once, not every refresh. */
    private boolean failing;

    /** {@code published}: how long a retired key stays in the JWKS, {@link #publishedAfterRetirement}. */
    public SigningKeys(SigningKeyStore store, Duration published) {
        this.store = store;
        this.published = published;
    }

    /**
     * How long a retired key stays published: the longest lifetime of a token identity signs (access
     * tokens, or ID tokens), plus the switch delay during which it still signed, plus a minute for the
     * verifiers' clocks. Older retired keys are deleted.
     */
    public static Duration publishedAfterRetirement(Duration accessTokenTtl) {
        Duration longest = accessTokenTtl.compareTo(ID_TOKEN_TTL) > 0 ? accessTokenTtl : ID_TOKEN_TTL;
        return longest.plus(SWITCH_DELAY).plusMinutes(1);
    }

    /**
     * At start, before any request: encrypts the keys an older version stored in plain text, deletes the
     * keys no token needs any more, stores a first key if there is none, and loads them, which decrypts
     * each: a wrong key-encryption key stops the start here ({@link KeyEncryptionException}) instead of
     * ending in a new key that would invalidate every token.
     */
    public void prepare() {
        int encrypted = store.encryptPlainKeys();
        if (encrypted > 0) {
            LOG.info("encrypted {} signing key(s) stored in plain text with the key-encryption key", encrypted);
        }
        store.deleteRetired(published);
        store.createFirstKey();
        snapshot = load();
    }

    /** Makes a new key the active one; this instance publishes it at once, the others within {@link #REFRESH}. */
    public Rotation rotate() {
        Rotation rotation = store.rotate(published);
        loading.lock();
        try {
            reload(snapshot);
        } finally {
            loading.unlock();
        }
        return rotation;
    }

    /** The public keys to publish and to verify tokens with. */
    public JWKSource<SecurityContext> published() {
        return (selector, context) -> selector.select(current().publicKeys());
    }

    /** The one key to sign with (NimbusJwtEncoder refuses to choose among several). */
    public JWKSource<SecurityContext> signing() {
        return (selector, context) -> {
            Snapshot keys = current();
            return selector.select(new JWKSet(signingKey(keys.newestFirst(), Duration.ofNanos(System.nanoTime() - keys.loadedAt()))));
        };
    }

    /**
     * The newest key that became active at least {@link #SWITCH_DELAY} ago ({@code elapsed}: since the
     * ages were read); if none did (the very first key, or rotations in quick succession), the one
     * published longest.
     */
    static RSAKey signingKey(List<StoredKey> newestFirst, Duration elapsed) {
        for (StoredKey key : newestFirst) {
            if (key.age().plus(elapsed).compareTo(SWITCH_DELAY) >= 0) {
                return key.jwk();
            }
        }
        return newestFirst.getLast().jwk();
    }

    private Snapshot current() {
        Snapshot keys = snapshot;
        if (System.nanoTime() - keys.reloadAt() < 0 || !loading.tryLock()) {
            // fresh enough, or another thread is loading: these are at most that load's duration older
            return keys;
        }
        try {
            keys = snapshot;
            return System.nanoTime() - keys.reloadAt() < 0 ? keys : reload(keys);
        } finally {
            loading.unlock();
        }
    }

    /**
     * Loads the keys again; when that fails (the database is down) keeps {@code previous} and tries again
     * after {@link #REFRESH}: they are still the right keys unless a rotation ran meanwhile, and nothing
     * can rotate without the database either. Called holding {@link #loading}.
     */
    private Snapshot reload(Snapshot previous) {
        try {
            snapshot = load();
            if (failing) {
                LOG.info("signing keys loaded again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                // the message only: it names a kid at most, never key material
                LOG.warn("cannot load the signing keys, keeping those loaded before: {}: {}",
                        e.getClass().getSimpleName(), e.getMessage());
                failing = true;
            }
            snapshot = previous.retryLater(System.nanoTime());
        }
        return snapshot;
    }

    private Snapshot load() {
        List<StoredKey> keys = store.published(published);
        if (keys.isEmpty()) {
            throw new IllegalStateException("no active signing key");
        }
        JWKSet publicKeys = new JWKSet(keys.stream().map(k -> (JWK) k.jwk().toPublicJWK()).toList());
        long now = System.nanoTime();
        return new Snapshot(keys, publicKeys, now, now + REFRESH.toNanos());
    }
}
