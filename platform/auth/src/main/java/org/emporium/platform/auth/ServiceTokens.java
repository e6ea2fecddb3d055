package org.emporium.platform.auth;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.DiscoveredUrl;

/**
 * Access tokens for calls a service makes for no user (a saga step, a clean-up): the OAuth 2
 * client-credentials grant against the provider's token endpoint. A token is reused until 30 s
 * before it expires, so the provider sees one request per token lifetime, not one per call. The token
 * URL may be {@code stork://identity/oauth2/token}: any registered instance of the provider answers
 * (they share their keys and clients), and one that cannot be reached is replaced by another.
 */
@ApplicationScoped
public class ServiceTokens {

    private static final Duration EARLY = Duration.ofSeconds(30);

    private final DiscoveredUrl tokenEndpoint;
    private final ClientID clientId;
    private final Optional<Secret> secret;
    private AccessToken current;
    private long renewAt;

    public ServiceTokens(@ConfigProperty(name = "emporium.auth.issuer", defaultValue = "http://localhost:8110") String issuer,
                         @ConfigProperty(name = "emporium.auth.token-url") Optional<String> tokenUrl,
                         @ConfigProperty(name = "emporium.auth.client-id", defaultValue = "emporium-services") String clientId,
                         @ConfigProperty(name = "emporium.auth.client-secret") Optional<String> secret) {
        this.tokenEndpoint = DiscoveredUrl.of(tokenUrl.filter(u -> !u.isBlank())
                .orElse(issuer.replaceAll("/+$", "") + "/oauth2/token"));
        this.clientId = new ClientID(clientId);
        this.secret = secret.filter(s -> !s.isBlank()).map(Secret::new);
    }

    /** A valid access token; fetched (blocking, 2 s timeouts) when none is held or it is about to expire. */
    public synchronized String token() {
        if (current == null || System.nanoTime() - renewAt >= 0) {
            fetch();
        }
        return current.getValue();
    }

    /** Forget the held token (the callee refused it): the next call fetches a fresh one. */
    public synchronized void invalidate() {
        current = null;
    }

    private void fetch() {
        Secret s = secret.orElseThrow(() -> new IllegalStateException(
                "no client secret configured (emporium.auth.client-secret): service calls cannot be authorized"));
        try {
            TokenResponse response = tokenEndpoint.call(url -> {
                HTTPRequest request = new TokenRequest(url, new ClientSecretBasic(clientId, s),
                        new ClientCredentialsGrant(), new Scope("internal")).toHTTPRequest();
                request.setConnectTimeout(IdentityCalls.CONNECT_TIMEOUT_MILLIS);
                request.setReadTimeout(IdentityCalls.READ_TIMEOUT_MILLIS);
                try {
                    return TokenResponse.parse(request.send());
                } catch (ParseException e) {
                    throw new IOException("the answer is not a token response: " + e.getMessage(), e);
                }
            });
            if (!response.indicatesSuccess()) {
                throw new IllegalStateException("the token endpoint " + tokenEndpoint + " refused the client credentials: "
                        + response.toErrorResponse().getErrorObject());
            }
            AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
            long lifetime = token.getLifetime() > 0 ? token.getLifetime() : 60;
            current = token;
            renewAt = System.nanoTime() + Math.max(0, Duration.ofSeconds(lifetime).minus(EARLY).toNanos());
        } catch (IOException e) {
            throw new IllegalStateException("the token endpoint " + tokenEndpoint + " could not be reached: " + e.getMessage(), e);
        }
    }
}
