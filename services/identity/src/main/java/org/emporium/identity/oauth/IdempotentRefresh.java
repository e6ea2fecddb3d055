package org.emporium.identity.oauth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the refresh-token grant idempotent for a short grace period, across every identity instance.
 *
 * <p>Refresh tokens are rotated (each works once). Spring Authorization Server then knows only the new
 * one: the old one is answered {@code invalid_grant} (the authorization itself is not revoked), and two
 * refreshes with the same token at the same moment may both rotate it, the later save winning, so one
 * caller holds a token that no longer works. The storefront runs as several instances; parallel requests
 * of one browser carry the same cookie to different instances, each refreshes, and the loser signed the
 * shopper out. Here, around Spring Authorization Server's own provider:
 * <ul>
 * <li>a refresh locks its authorization's row first, so refreshes of one authorization run one at a time
 * (on any instance; Postgres re-checks the token after the wait, so the second finds it rotated);</li>
 * <li>each rotation is recorded (hashes of the old and new token, when);</li>
 * <li>the token just replaced, presented again within the grace period by the same client while the
 * token that replaced it is still the current and active one, gets the same answer again: the current
 * access, refresh and ID tokens, no new ones.</li>
 * </ul>
 *
 * <p>Security trade-off: for the grace period (seconds) a rotated refresh token still yields the current
 * tokens, so someone holding both a just-rotated token and the client's credentials gets what the
 * legitimate caller got. Only the immediate predecessor qualifies, only for the client it was issued to
 * (the storefront is a confidential client: the secret is required too), never after a revocation, and
 * it mints nothing new. Rotation still bounds a leaked token's life to one use plus seconds. The same
 * compromise as the "reuse interval" of commercial identity providers.
 */
public class IdempotentRefresh {

    private final OAuth2AuthorizationService authorizations;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration grace;
    private final Clock clock;

    public IdempotentRefresh(OAuth2AuthorizationService authorizations, JdbcClient jdbc,
                             PlatformTransactionManager transactionManager, Duration grace, Clock clock) {
        this.authorizations = authorizations;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.grace = grace;
        this.clock = clock;
    }

    /** Spring Authorization Server's refresh provider, wrapped; any other provider as it is. */
    public AuthenticationProvider around(AuthenticationProvider provider) {
        if (!(provider instanceof OAuth2RefreshTokenAuthenticationProvider rotation)) {
            return provider;
        }
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                return transactions.execute(status -> refresh((OAuth2RefreshTokenAuthenticationToken) authentication, rotation));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return rotation.supports(authentication);
            }
        };
    }

    private Authentication refresh(OAuth2RefreshTokenAuthenticationToken request, AuthenticationProvider rotation) {
        String presented = request.getRefreshToken();
        Instant now = clock.instant();
        // FOR UPDATE waits for a concurrent refresh of this authorization, then re-checks the token against
        // the row it committed: a token rotated meanwhile no longer matches, and this falls to the replay
        Optional<String> current = jdbc.sql("SELECT id FROM oauth2_authorization WHERE refresh_token_value = :token FOR UPDATE")
                .param("token", presented).query(String.class).optional();
        if (current.isPresent()) {
            Authentication issued = rotation.authenticate(request);
            if (issued instanceof OAuth2AccessTokenAuthenticationToken tokens && tokens.getRefreshToken() != null
                    && !presented.equals(tokens.getRefreshToken().getTokenValue())) {
                recordRotation(current.get(), presented, tokens.getRefreshToken().getTokenValue(), now);
            }
            return issued;
        }
        // not a current token: a replay, or Spring Authorization Server's own refusal (invalid_grant)
        return replay(request, now).orElseGet(() -> rotation.authenticate(request));
    }

    private void recordRotation(String authorizationId, String previous, String next, Instant now) {
        jdbc.sql("""
                        INSERT INTO refresh_token_rotations (authorization_id, previous_sha256, next_sha256, rotated_at)
                        VALUES (:id, sha256(convert_to(:previous, 'UTF8')), sha256(convert_to(:next, 'UTF8')), :now)
                        ON CONFLICT (authorization_id) DO UPDATE SET previous_sha256 = EXCLUDED.previous_sha256,
                            next_sha256 = EXCLUDED.next_sha256, rotated_at = EXCLUDED.rotated_at""")
                .param("id", authorizationId)
                .param("previous", previous)
                .param("next", next)
                .param("now", Timestamp.from(now))
                .update();
        // No clean-up of rows past the grace period: the reads ignore them, there is one per authorization
        // and it goes with the authorization. (Deleting other authorizations' stale rows here would make
        // two concurrent rotations wait for each other's row: a deadlock.)
    }

    /** The current tokens again, when {@code request} presents the token their rotation replaced, within the grace period. */
    private Optional<Authentication> replay(OAuth2RefreshTokenAuthenticationToken request, Instant now) {
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            return Optional.empty();
        }
        // locked like a refresh, so the tokens read next are not being rotated underneath
        return jdbc.sql("""
                        SELECT r.authorization_id FROM refresh_token_rotations r
                        JOIN oauth2_authorization a ON a.id = r.authorization_id
                        WHERE r.previous_sha256 = sha256(convert_to(:presented, 'UTF8'))
                          AND r.rotated_at > :since
                          AND r.next_sha256 = sha256(convert_to(a.refresh_token_value, 'UTF8'))
                        FOR UPDATE OF a""")
                .param("presented", request.getRefreshToken())
                .param("since", Timestamp.from(now.minus(grace)))
                .query(String.class)
                .optional()
                .map(authorizations::findById)
                .filter(authorization -> authorization.getRegisteredClientId().equals(client.getRegisteredClient().getId()))
                .filter(authorization -> authorization.getRefreshToken() != null && authorization.getRefreshToken().isActive()
                        && authorization.getAccessToken() != null && authorization.getAccessToken().isActive()
                        && authorization.getAccessToken().getToken().getExpiresAt().isAfter(now))
                .filter(authorization -> request.getScopes().isEmpty()
                        || request.getScopes().equals(authorization.getAccessToken().getToken().getScopes()))
                .map(authorization -> answer(authorization, client, now));
    }

    private static Authentication answer(OAuth2Authorization authorization, OAuth2ClientAuthenticationToken client, Instant now) {
        OAuth2AccessToken stored = authorization.getAccessToken().getToken();
        // issued "now" as far as the answer goes, so its expires_in is the time the token has left
        OAuth2AccessToken access = new OAuth2AccessToken(stored.getTokenType(), stored.getTokenValue(), now,
                stored.getExpiresAt(), stored.getScopes());
        OAuth2RefreshToken refresh = authorization.getRefreshToken().getToken();
        OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
        Map<String, Object> parameters = idToken == null ? Map.of()
                : Map.of(OidcParameterNames.ID_TOKEN, idToken.getToken().getTokenValue());
        return new OAuth2AccessTokenAuthenticationToken(client.getRegisteredClient(), client, access, refresh, parameters);
    }
}
