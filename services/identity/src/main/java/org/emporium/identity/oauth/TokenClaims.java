package org.emporium.identity.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.emporium.identity.account.Account;
import org.emporium.identity.account.AccountRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the tokens say. Access tokens: {@code aud} = the configured audience ("emporium"), {@code sub} =
 * the account id, {@code email}, {@code roles} (["customer"] or ["admin"]); for client credentials
 * {@code sub} is the client id and {@code roles} is ["service"]. ID tokens: {@code email} with the
 * email scope, {@code name} with the profile scope. Roles and email are read from the database when
 * the token is issued, so a refresh picks up a change.
 */
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    /** The role of the services client's client-credentials tokens. */
    public static final String SERVICE_ROLE = "service";

    private final AccountRepository accounts;
    private final String audience;

    TokenClaims(AccountRepository accounts, String audience) {
        this.accounts = accounts;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            if (accessToken) {
                context.getClaims().audience(list(audience)).claim("roles", list(SERVICE_ROLE));
            }
            return;
        }
        Optional<Account> account = account(context.getPrincipal().getName());
        if (accessToken) {
            context.getClaims().audience(list(audience));
            account.ifPresent(a -> context.getClaims().claim("email", a.email()).claim("roles", new ArrayList<>(a.roles())));
        } else if (idToken) {
            account.ifPresent(a -> {
                if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
                    context.getClaims().claim("email", a.email()).claim("email_verified", false);
                }
                if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
                    context.getClaims().claim("name", a.name());
                }
            });
        }
    }

    /**
     * The claims are also stored with the authorization (as JSON, with type information), and Spring
     * Security only reads back allow-listed collection types: ArrayList is one, List.of's is not.
     */
    private static List<String> list(String value) {
        List<String> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }

    private Optional<Account> account(String principalName) {
        try {
            return accounts.findById(UUID.fromString(principalName));
        } catch (IllegalArgumentException notAnAccountId) {
            return Optional.empty();
        }
    }
}
