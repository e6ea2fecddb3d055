package org.emporium.identity.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JWT signing keys in the {@code signing_keys} table, shared by every instance: RSA 2048, the
 * private half encrypted ({@link SigningKeyCipher}), one active key (a partial unique index) and the
 * retired ones whose tokens may still be in use. Times are the database's, so instances agree on them
 * whatever their own clocks say. Key material is never logged.
 */
public class SigningKeyStore {

    /** A key as loaded: its JWK with the private half, and how long ago it became the active key. */
    public record StoredKey(RSAKey jwk, Duration age) {

        /** The kid only: the JWK's own toString is its JSON, private half included. */
        @Override
        public String toString() {
            return "StoredKey[" + jwk.getKeyID() + ", " + age + " old]";
        }
    }

    /** The outcome of a rotation: the new active key and the key(s) it replaced. */
    public record Rotation(String kid, List<String> retired) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final SigningKeyCipher cipher;

    public SigningKeyStore(JdbcClient jdbc, TransactionTemplate transactions, SigningKeyCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /**
     * Encrypts, in place, every private key still stored in plain text (the rows written before V6) and
     * returns how many. Instances starting at once each lock the rows first, so each row is done once.
     */
    public int encryptPlainKeys() {
        Integer encrypted = transactions.execute(status -> {
            List<Map.Entry<String, byte[]>> plain = jdbc.sql(
                            "SELECT kid, private_key FROM signing_keys WHERE private_key_protection = 'none' FOR UPDATE")
                    .query((rs, row) -> Map.entry(rs.getString("kid"), rs.getBytes("private_key"))).list();
            for (Map.Entry<String, byte[]> key : plain) {
                jdbc.sql("""
                                UPDATE signing_keys SET private_key = :private, private_key_protection = :protection
                                WHERE kid = :kid""")
                        .param("private", cipher.encrypt(key.getKey(), key.getValue()))
                        .param("protection", SigningKeyCipher.PROTECTION)
                        .param("kid", key.getKey())
                        .update();
                Arrays.fill(key.getValue(), (byte) 0);
            }
            return plain.size();
        });
        return encrypted == null ? 0 : encrypted;
    }

    /** Stores a first key unless there is an active one; concurrent first starts agree on one (the index). */
    public void createFirstKey() {
        boolean none = jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM signing_keys WHERE active)").query(Boolean.class).single();
        if (none) {
            insertActive(UUID.randomUUID().toString(), generate(), null);
        }
    }

    /** The active key and the keys retired less than {@code published} ago, newest first. */
    public List<StoredKey> published(Duration published) {
        return jdbc.sql("""
                        SELECT kid, public_key, private_key, private_key_protection,
                               (extract(epoch FROM now() - created_at) * 1000)::bigint AS age_millis
                        FROM signing_keys
                        WHERE active OR retired_at > now() - make_interval(secs => :published)
                        ORDER BY created_at DESC""")
                .param("published", (double) published.toSeconds())
                .query((rs, row) -> new StoredKey(toJwk(rs.getString("kid"), rs.getBytes("public_key"),
                        rs.getBytes("private_key"), rs.getString("private_key_protection")),
                        Duration.ofMillis(rs.getLong("age_millis"))))
                .list();
    }

    /** Deletes the keys retired {@code published} ago or longer: no token they signed is valid any more. */
    public int deleteRetired(Duration published) {
        return jdbc.sql("DELETE FROM signing_keys WHERE retired_at <= now() - make_interval(secs => :published)")
                .param("published", (double) published.toSeconds())
                .update();
    }

    /**
     * Makes a new key the active one and retires the active one, in one transaction; deletes the keys
     * retired {@code published} ago or longer on the way.
     */
    public Rotation rotate(Duration published) {
        String kid = UUID.randomUUID().toString();
        KeyPair pair = generate(); // before the transaction: it takes CPU time, not the table
        return transactions.execute(status -> {
            // One rotation at a time across instances (a second one waits, then retires this one's key);
            // reads never wait. created_at and retired_at come from the clock after the lock, so the
            // order of the keys is the order of the rotations.
            jdbc.sql("LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE").update();
            OffsetDateTime at = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
            List<String> retired = jdbc.sql("UPDATE signing_keys SET active = false, retired_at = :at WHERE active RETURNING kid")
                    .param("at", at).query(String.class).list();
            if (!insertActive(kid, pair, at)) {
                throw new IllegalStateException("another active signing key appeared during the rotation");
            }
            deleteRetired(published);
            return new Rotation(kid, retired);
        });
    }

    /**
     * Stores a new active key, created at {@code createdAt} (null: now); false when there is an active
     * key already (the partial unique index: a concurrent first start stored one).
     */
    private boolean insertActive(String kid, KeyPair pair, OffsetDateTime createdAt) {
        byte[] privateKey = pair.getPrivate().getEncoded();
        try {
            return jdbc.sql("""
                            INSERT INTO signing_keys (kid, algorithm, public_key, private_key, private_key_protection, active, created_at)
                            VALUES (:kid, 'RS256', :public, :private, :protection, true, coalesce(CAST(:at AS timestamptz), now()))
                            ON CONFLICT DO NOTHING""")
                    .param("kid", kid)
                    .param("public", pair.getPublic().getEncoded())
                    .param("private", cipher.encrypt(kid, privateKey))
                    .param("protection", SigningKeyCipher.PROTECTION)
                    .param("at", createdAt)
                    .update() == 1;
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private RSAKey toJwk(String kid, byte[] publicKey, byte[] storedPrivateKey, String protection) {
        if (!SigningKeyCipher.PROTECTION.equals(protection)) {
            // every plain key was encrypted at start, and nothing writes one since (no column default)
            throw new IllegalStateException("stored signing key " + kid + " is not encrypted (" + protection + ")");
        }
        byte[] privateKey = cipher.decrypt(kid, storedPrivateKey);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + kid + " is unreadable", e);
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
