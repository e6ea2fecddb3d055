package org.emporium.identity.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.emporium.identity.IdentityProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Registers the three clients from configuration at every start, idempotently: an existing client
 * keeps its id and, when the configured secret still matches, its secret hash; everything else is
 * brought in line with the configuration.
 */
@Component
@Order(5)
public class ClientRegistrar implements ApplicationRunner {

    public static final String STOREFRONT = "storefront";
    public static final String PUBLIC = "emporium-public";
    public static final String SERVICES = "emporium-services";
    public static final String INTERNAL_SCOPE = "internal";

    private final RegisteredClientRepository clients;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;

    public ClientRegistrar(RegisteredClientRepository clients, PasswordEncoder encoder, IdentityProperties properties) {
        this.clients = clients;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        IdentityProperties.Clients c = properties.clients();
        TokenSettings userTokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .refreshTokenTimeToLive(properties.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .build();
        ClientSettings pkce = ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build();

        save(STOREFRONT, c.storefront().secret(), b -> b
                .clientName("Emporium storefront")
                .clientAuthenticationMethods(m -> m.addAll(Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                        ClientAuthenticationMethod.CLIENT_SECRET_POST)))
                .authorizationGrantTypes(g -> g.addAll(Set.of(AuthorizationGrantType.AUTHORIZATION_CODE,
                        AuthorizationGrantType.REFRESH_TOKEN)))
                .redirectUris(u -> u.addAll(trimmed(c.storefront().redirectUris())))
                .postLogoutRedirectUris(u -> u.addAll(trimmed(c.storefront().postLogoutRedirectUris())))
                .scopes(s -> s.addAll(Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)))
                .clientSettings(pkce)
                .tokenSettings(userTokens));

        save(PUBLIC, null, b -> b
                .clientName("Emporium apps")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(u -> u.addAll(trimmed(c.publicClient().redirectUris())))
                .scopes(s -> s.addAll(Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL)))
                .clientSettings(pkce)
                .tokenSettings(userTokens));

        save(SERVICES, c.services().secret(), b -> b
                .clientName("Emporium services")
                .clientAuthenticationMethods(m -> m.addAll(Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                        ClientAuthenticationMethod.CLIENT_SECRET_POST)))
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(INTERNAL_SCOPE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build()));
    }

    private void save(String clientId, String secret, java.util.function.Consumer<RegisteredClient.Builder> settings) {
        RegisteredClient existing = clients.findByClientId(clientId);
        RegisteredClient.Builder builder = RegisteredClient
                .withId(existing != null ? existing.getId() : UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(existing != null ? existing.getClientIdIssuedAt() : Instant.now());
        if (secret != null) {
            boolean unchanged = existing != null && ClientSecrets.isCurrent(existing.getClientSecret())
                    && encoder.matches(secret, existing.getClientSecret());
            builder.clientSecret(unchanged ? existing.getClientSecret() : ClientSecrets.encode(secret));
        }
        settings.accept(builder);
        clients.save(builder.build());
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
