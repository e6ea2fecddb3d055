package org.emporium.identity.oauth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.emporium.identity.IdentityProperties;
import org.emporium.identity.account.AccountRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The authorization server's stores (all in Postgres), its signing keys and the token contents. */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    /**
     * Argon2id with OWASP's low-memory parameter set (m=7 MiB, t=5, p=1): the service runs with a
     * 128 MB heap, so the 19 MiB variant would allow too few logins at once. The delegating encoder
     * prefixes every hash with its algorithm ({argon2}), so the algorithm or parameters can change
     * later and old hashes still verify. Argon2id runs a few at a time ({@link BoundedPasswordEncoder});
     * the clients' random secrets use a fast hash ({@link ClientSecrets}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        // at most as many hashes at once as there are cores (and never more than 4: 28 MiB of heap)
        int concurrency = Math.min(4, Runtime.getRuntime().availableProcessors());
        PasswordEncoder argon2 = new BoundedPasswordEncoder(new Argon2PasswordEncoder(16, 32, 1, 7 * 1024, 5),
                concurrency, Duration.ofSeconds(10));
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", argon2,
                ClientSecrets.ID, ClientSecrets.ENCODER,
                "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    IdempotentRefresh idempotentRefresh(OAuth2AuthorizationService authorizations, JdbcClient jdbc,
                                        PlatformTransactionManager transactions, IdentityProperties properties) {
        return new IdempotentRefresh(authorizations, jdbc, transactions, properties.refreshTokenGrace(), Clock.systemUTC());
    }

    /** The key-encryption key was checked before the context started (KeyEncryptionKeyCheck). */
    @Bean
    SigningKeyStore signingKeyStore(JdbcClient jdbc, PlatformTransactionManager transactions, Environment environment) {
        return new SigningKeyStore(jdbc, new TransactionTemplate(transactions),
                SigningKeyCipher.fromSetting(environment.getProperty(SigningKeyCipher.PROPERTY)));
    }

    @Bean
    SigningKeys signingKeys(SigningKeyStore store, IdentityProperties properties) {
        SigningKeys keys = new SigningKeys(store, SigningKeys.publishedAfterRetirement(properties.accessTokenTtl()));
        keys.prepare();
        return keys;
    }

    /**
     * The JWKSource Spring Authorization Server publishes at /oauth2/jwks (public halves only) and the
     * JwtDecoder verifies with: the active key and the retired keys whose tokens may still be valid.
     */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.published();
    }

    /**
     * Signs with the one current key. Spring Authorization Server (OAuth2ConfigurerUtils.getJwtEncoder)
     * takes the JwtEncoder bean when there is exactly one, and only without it builds a NimbusJwtEncoder
     * over the JWKSource above, which could not sign: public halves only, and several keys after a
     * rotation ("Found multiple JWK signing keys").
     */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signing());
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(AccountRepository accounts, IdentityProperties properties) {
        return new TokenClaims(accounts, properties.audience());
    }
}
