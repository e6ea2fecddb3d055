package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.emporium.identity.oauth.KeyEncryptionException;
import org.emporium.identity.oauth.SigningKeyCipher;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signing keys' private halves are stored encrypted with the key-encryption key: from the first
 * start, and from the first start of this version on a database an older one left in plain text. A
 * start without a usable key-encryption key stops with one line that names the setting.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningKeyEncryptionIT {

    private static final String SETTING = "emporium.identity.key-encryption-key";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private record Row(String kid, byte[] privateKey, String protection, boolean active) {
    }

    @Test
    void theStoredPrivateKeyIsEncryptedAndOpensWithTheKeyEncryptionKeyOnly() throws Exception {
        Map<String, Object> settings = StandaloneIdentity.settings("identity_kek_fresh");
        RSAKey published;
        try (ConfigurableApplicationContext identity = StandaloneIdentity.start(settings)) {
            published = Tokens.jwks(StandaloneIdentity.browser(identity)).getKeys().getFirst().toRSAKey();
        }
        Row row = onlyKey(settings);
        assertThat(row.kid()).isEqualTo(published.getKeyID());
        assertThat(row.protection()).isEqualTo("A256GCM");
        assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(row.privateKey())))
                .as("what is stored is no PKCS#8 key").isInstanceOf(InvalidKeySpecException.class);

        byte[] pkcs8 = SigningKeyCipher.fromSetting(RunningIdentityServer.KEY_ENCRYPTION_KEY).decrypt(row.kid(), row.privateKey());
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        assertThat(key.getModulus()).isEqualTo(published.getModulus().decodeToBigInteger());
        assertThat(contains(row.privateKey(), pkcs8)).isFalse();
        assertThat(contains(row.privateKey(), key.getPrivateExponent().toByteArray())).isFalse();
        assertThatThrownBy(() -> SigningKeyCipher.fromSetting(RunningIdentityServer.randomBase64(32))
                .decrypt(row.kid(), row.privateKey())).isInstanceOf(KeyEncryptionException.class);
    }

    @Test
    void aKeyAnOlderVersionStoredInPlainTextIsEncryptedAtTheNextStartAndStillSigns() throws Exception {
        Map<String, Object> settings = StandaloneIdentity.settings("identity_kek_upgrade");
        // the database as the previous version left it: schema V5, its key in plain PKCS#8
        Flyway.configure().dataSource(settings.get("spring.datasource.url").toString(),
                        settings.get("spring.datasource.username").toString(), settings.get("spring.datasource.password").toString())
                .locations("classpath:db/migration").target("5").load().migrate();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair before = generator.generateKeyPair();
        JdbcClient database = StandaloneIdentity.database(settings);
        database.sql("""
                        INSERT INTO signing_keys (kid, algorithm, public_key, private_key, active)
                        VALUES ('from-before', 'RS256', :public, :private, true)""")
                .param("public", before.getPublic().getEncoded()).param("private", before.getPrivate().getEncoded())
                .update();

        try (ConfigurableApplicationContext identity = StandaloneIdentity.start(settings)) {
            Browser browser = StandaloneIdentity.browser(identity);
            assertThat(Tokens.kids(browser)).containsExactly("from-before");
            SignedJWT token = SignedJWT.parse(Tokens.serviceToken(browser));
            assertThat(token.getHeader().getKeyID()).isEqualTo("from-before");
            assertThat(token.verify(new RSASSAVerifier((RSAPublicKey) before.getPublic()))).isTrue();
        }

        Row row = onlyKey(settings);
        assertThat(row.kid()).isEqualTo("from-before");
        assertThat(row.protection()).isEqualTo("A256GCM");
        assertThat(row.privateKey()).isNotEqualTo(before.getPrivate().getEncoded());
        assertThat(SigningKeyCipher.fromSetting(RunningIdentityServer.KEY_ENCRYPTION_KEY).decrypt(row.kid(), row.privateKey()))
                .isEqualTo(before.getPrivate().getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unset", "", "c2hvcnQ=", "MDEyMzQ1Njc4OWFiY2RlZg==", "not base64, a passphrase"})
    void withoutAUsableKeyEncryptionKeyTheStartStopsWithOneLineNamingTheSetting(String value, CapturedOutput output) {
        Map<String, Object> settings = StandaloneIdentity.settings("identity_kek_refused_" + DATABASES.incrementAndGet());
        if (value.equals("unset")) {
            settings.remove(SETTING);
        } else {
            settings.put(SETTING, value);
        }

        assertThatThrownBy(() -> StandaloneIdentity.start(settings))
                .isInstanceOf(KeyEncryptionException.class)
                .hasMessageStartingWith("cannot start: the setting EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY ")
                .hasMessageContaining("Base64 of 32 random bytes");
        assertReportedOnce(output, "cannot start: the setting EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY ");
        // checked before the application context: nothing else repeats it (no database was touched either)
        assertThat(output.getAll().lines().filter(line -> line.contains("EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY"))).hasSize(1);
        assertThat(StandaloneIdentity.database(settings).sql("SELECT count(*) FROM pg_tables WHERE tablename = 'signing_keys'")
                .query(Long.class).single()).isZero();
        if (!value.isBlank() && !value.equals("unset")) {
            assertThat(output.getAll()).as("the value is never shown").doesNotContain(value);
        }
    }

    @Test
    void aWrongKeyEncryptionKeyStopsTheStartAndMakesNoNewKey(CapturedOutput output) {
        Map<String, Object> settings = StandaloneIdentity.settings("identity_kek_wrong");
        StandaloneIdentity.start(settings).close();
        Row before = onlyKey(settings);

        settings.put(SETTING, RunningIdentityServer.randomBase64(32));
        String expected = "cannot decrypt signing key " + before.kid() + ": wrong EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY?";
        assertThatThrownBy(() -> StandaloneIdentity.start(settings))
                .rootCause().isInstanceOf(KeyEncryptionException.class).hasMessage(expected);
        // one error (Spring adds a warning that it cancelled the context, without a stack trace)
        assertReportedOnce(output, expected);

        Row after = onlyKey(settings);
        assertThat(after.kid()).isEqualTo(before.kid());
        assertThat(after.active()).isTrue();
        assertThat(after.privateKey()).isEqualTo(before.privateKey());
    }

    /** The failure is reported as one error, one JSON line, without a stack trace. */
    private static void assertReportedOnce(CapturedOutput output, String message) {
        assertThat(output.getAll().lines().filter(line -> line.contains("\"level\":\"ERROR\"") && line.contains(message)))
                .hasSize(1);
        assertThat(output.getAll()).doesNotContain("stack_trace").doesNotContain("\tat org.");
    }

    private static Row onlyKey(Map<String, Object> settings) {
        return StandaloneIdentity.database(settings)
                .sql("SELECT kid, private_key, private_key_protection, active FROM signing_keys")
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3), rs.getBoolean(4)))
                .single();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }
}
