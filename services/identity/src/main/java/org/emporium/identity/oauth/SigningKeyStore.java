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
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JWT signing key: an RSA 2048 key generated on first start and kept in the {@code signing_keys}
 * table, so tokens stay verifiable across restarts and instances. The key is never logged.
 */
public class SigningKeyStore {

    private final JdbcClient jdbc;

    public SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active key, generating and storing one first if there is none. */
    public RSAKey activeKey() {
        return load().orElseGet(() -> {
            KeyPair pair = generate();
            // a concurrent first start may win; the partial unique index makes this insert a no-op then
            jdbc.sql("""
                            INSERT INTO signing_keys (kid, algorithm, public_key, private_key, active)
                            VALUES (:kid, 'RS256', :public, :private, true) ON CONFLICT DO NOTHING""")
                    .param("kid", UUID.randomUUID().toString())
                    .param("public", pair.getPublic().getEncoded())
                    .param("private", pair.getPrivate().getEncoded())
                    .update();
            return load().orElseThrow(() -> new IllegalStateException("no active signing key after insert"));
        });
    }

    private java.util.Optional<RSAKey> load() {
        return jdbc.sql("SELECT kid, public_key, private_key FROM signing_keys WHERE active")
                .query((rs, row) -> toJwk(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("private_key")))
                .optional();
    }

    private static RSAKey toJwk(String kid, byte[] publicKey, byte[] privateKey) {
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
