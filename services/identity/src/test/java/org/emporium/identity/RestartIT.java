package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.emporium.identity.account.AdminAccountBootstrap;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two starts of the application, one after the other, against the same (fresh) database: the signing
 * key and the admin account are created by the first and kept by the second.
 */
class RestartIT {

    private record Snapshot(RSAKey jwk, String adminHash, long clients, String adminPassword) {
    }

    @Test
    void signingKeyAdminAccountAndClientsSurviveARestart() throws Exception {
        Map<String, Object> properties = StandaloneIdentity.settings("identity_restart");
        Path passwordFile = Path.of("target", "restart-admin-password");
        Files.deleteIfExists(passwordFile);
        properties.put("emporium.identity.admin-password-file", passwordFile.toString());

        Snapshot first = startAndLook(properties, passwordFile);
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.adminPassword()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(first.clients()).isEqualTo(3);

        Snapshot second = startAndLook(properties, passwordFile);

        assertThat(second.jwk().getKeyID()).isEqualTo(first.jwk().getKeyID());
        assertThat(second.jwk().getModulus()).isEqualTo(first.jwk().getModulus());
        assertThat(second.adminHash()).isEqualTo(first.adminHash());
        assertThat(second.adminPassword()).isEqualTo(first.adminPassword());
        assertThat(second.clients()).isEqualTo(3);
    }

    @Test
    void anAdminPasswordTheDeploymentGivesIsTheAdminsAndNoFileIsWritten() throws Exception {
        Map<String, Object> properties = StandaloneIdentity.settings("identity_given_admin");
        Path passwordFile = Path.of("target", "given-admin-password");
        Files.deleteIfExists(passwordFile);
        String given = "correct-horse-battery-" + System.nanoTime();
        properties.put("emporium.identity.admin-password-file", passwordFile.toString());
        properties.put("emporium.identity.admin-password", given);

        try (ConfigurableApplicationContext context = StandaloneIdentity.start(properties)) {
            String hash = context.getBean(JdbcClient.class).sql("SELECT password_hash FROM accounts WHERE email = :email")
                    .param("email", AdminAccountBootstrap.ADMIN_EMAIL).query(String.class).single();
            assertThat(context.getBean(PasswordEncoder.class).matches(given, hash)).isTrue();
        }
        assertThat(passwordFile).doesNotExist();
    }

    private static Snapshot startAndLook(Map<String, Object> properties, Path passwordFile) throws Exception {
        try (ConfigurableApplicationContext context = StandaloneIdentity.start(properties)) {
            Browser browser = StandaloneIdentity.browser(context);
            JWKSet jwks = Tokens.jwks(browser);
            assertThat(jwks.getKeys()).hasSize(1);
            assertThat(jwks.getKeys().get(0).isPrivate()).as("JWKS must not publish the private key").isFalse();

            JdbcClient jdbc = context.getBean(JdbcClient.class);
            String hash = jdbc.sql("SELECT password_hash FROM accounts WHERE email = :email")
                    .param("email", AdminAccountBootstrap.ADMIN_EMAIL).query(String.class).single();
            String roles = jdbc.sql("SELECT roles FROM accounts WHERE email = :email")
                    .param("email", AdminAccountBootstrap.ADMIN_EMAIL).query(String.class).single();
            assertThat(roles).isEqualTo("admin");
            long admins = jdbc.sql("SELECT count(*) FROM accounts WHERE roles = 'admin'").query(Long.class).single();
            assertThat(admins).isEqualTo(1);
            long clients = jdbc.sql("SELECT count(*) FROM oauth2_registered_client").query(Long.class).single();
            String password = Files.readString(passwordFile).strip();
            assertThat(context.getBean(PasswordEncoder.class).matches(password, hash)).isTrue();
            // and the admin can sign in with it
            assertThat(Browser.location(browser.login(AdminAccountBootstrap.ADMIN_EMAIL, password))).doesNotContain("error");
            return new Snapshot(jwks.getKeys().get(0).toRSAKey(), hash, clients, password);
        }
    }
}
