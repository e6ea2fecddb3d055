package org.emporium.storefront.client.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The storefront as an OpenID Connect client of the identity service (any OpenID provider): the
 * authorization request (code flow, PKCE S256, state and nonce; {@code prompt=create} for sign-up),
 * the code exchange ({@code client_secret_basic} with the code verifier), ID token validation
 * (signature against the provider's JWKS, issuer, audience, nonce, expiry), refresh and the
 * end-session URL. The endpoints come from the provider's discovery document, read once it answers.
 *
 * <p>Every call to the provider is blocking (Nimbus' HTTP client), so it runs on a worker thread with
 * 2 s connect and read timeouts, and the answer comes back on the caller's Vert.x context.
 */
@ApplicationScoped
public class IdentityClient {

    private static final Logger LOG = Logger.getLogger(IdentityClient.class);
    private static final int TIMEOUT_MS = 2000;

    private final Issuer issuer;
    /** Where the storefront reaches the provider for its own calls, when not at the issuer's address (in a pod, say). */
    private final Optional<String> internalUrl;
    private final ClientID clientId;
    private final Secret secret;
    private final URI redirectUri;
    private final URI postLogoutUri;
    private volatile Provider provider;
    /**
     * Refreshes in progress or just done, by the refresh token they used: refresh tokens are rotated
     * (each works once), so parallel requests of one browser carrying the same stale cookie must
     * share one refresh rather than race and sign the shopper out.
     */
    private final Cache<String, CompletableFuture<SignedIn>> refreshes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(2)).maximumSize(10_000).build();

    IdentityClient(@ConfigProperty(name = "emporium.auth.issuer") String issuer,
                   @ConfigProperty(name = "emporium.storefront.oidc.client-id") String clientId,
                   @ConfigProperty(name = "emporium.storefront.oidc.client-secret") String secret,
                   @ConfigProperty(name = "emporium.storefront.oidc.redirect-uri") String redirectUri,
                   @ConfigProperty(name = "emporium.storefront.oidc.post-logout-uri") String postLogoutUri,
                   @ConfigProperty(name = "emporium.storefront.oidc.internal-url") Optional<String> internalUrl) {
        this.issuer = new Issuer(withoutTrailingSlash(issuer));
        this.internalUrl = internalUrl.filter(u -> !u.isBlank()).map(IdentityClient::withoutTrailingSlash);
        this.clientId = new ClientID(clientId);
        this.secret = new Secret(secret);
        this.redirectUri = URI.create(redirectUri);
        this.postLogoutUri = URI.create(postLogoutUri);
    }

    /** What a successful sign-in or refresh gives. {@code expiresAt} is in epoch seconds. */
    public record SignedIn(String subject, String email, String name, String accessToken, String refreshToken,
                           long expiresAt, String idToken) {

        @Override
        public String toString() {
            return "SignedIn[subject=" + subject + "]";
        }
    }

    /** The provider's endpoints and the ID token validator (which caches the JWKS). */
    private record Provider(URI authorize, URI token, URI endSession, IDTokenValidator validator) {
    }

    /** A new PKCE code verifier (its value is what the login cookie keeps). */
    public static String newVerifier() {
        return new CodeVerifier().getValue();
    }

    public static String newState() {
        return new State().getValue();
    }

    public static String newNonce() {
        return new Nonce().getValue();
    }

    /** The URL to send the browser to; {@code signup} asks the provider for its registration page. */
    public Uni<URI> authorizationUrl(String state, String nonce, String verifier, boolean signup) {
        return blocking(() -> {
            AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                    new Scope("openid", "profile", "email"), clientId, redirectUri)
                    .endpointURI(provider().authorize())
                    .state(new State(state))
                    .nonce(new Nonce(nonce))
                    .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256);
            if (signup) {
                request.prompt(new Prompt(Prompt.Type.CREATE));
            }
            return request.build().toURI();
        });
    }

    /** Exchanges the code and validates the ID token against {@code nonce}. */
    public Uni<SignedIn> exchange(String code, String verifier, String nonce) {
        return blocking(() -> {
            Provider p = provider();
            OIDCTokens tokens = request(p, new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                    new CodeVerifier(verifier)), true).toOIDCTokens();
            IDTokenClaimsSet claims;
            try {
                claims = p.validator().validate(tokens.getIDToken(), new Nonce(nonce));
            } catch (Exception e) {
                throw new SignInFailedException("the ID token did not validate: " + e.getMessage(), false, null);
            }
            return new SignedIn(claims.getSubject().getValue(), claims.getStringClaim("email"),
                    claims.getStringClaim("name"), tokens.getAccessToken().getValue(),
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(),
                    expiresAt(tokens.getAccessToken().getLifetime()), tokens.getIDTokenString());
        });
    }

    /**
     * New tokens for a refresh token (the provider rotates it). The subject, email and name are the
     * caller's to keep; here they are null. Parallel refreshes with the same token share one request.
     */
    public Uni<SignedIn> refresh(String refreshToken) {
        CompletableFuture<SignedIn> mine = new CompletableFuture<>();
        CompletableFuture<SignedIn> shared = refreshes.asMap().putIfAbsent(refreshToken, mine);
        if (shared != null) {
            return onCallerContext(Uni.createFrom().completionStage(shared)
                    .ifNoItem().after(Duration.ofSeconds(5)).failWith(() ->
                            new SignInFailedException("a shared refresh did not finish", true, null)));
        }
        Uni<SignedIn> refreshed = blocking(() -> {
            Tokens tokens = request(provider(), new RefreshTokenGrant(new RefreshToken(refreshToken)), false);
            String idToken = tokens instanceof OIDCTokens withId ? withId.getIDTokenString() : null;
            return new SignedIn(null, null, null, tokens.getAccessToken().getValue(),
                    tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue(),
                    expiresAt(tokens.getAccessToken().getLifetime()), idToken);
        });
        return refreshed.invoke(mine::complete)
                .onFailure().invoke(failure -> {
                    mine.completeExceptionally(failure);
                    refreshes.invalidate(refreshToken);
                });
    }

    /**
     * The provider's end-session URL with the ID token hint and where to come back, or the
     * post-logout URI itself when the provider has no such endpoint or can't be asked now.
     */
    public Uni<URI> endSessionUrl(String idToken) {
        if (idToken == null) {
            return Uni.createFrom().item(URI.create("/"));
        }
        return blocking(() -> {
            URI endpoint = provider().endSession();
            if (endpoint == null) {
                return URI.create("/");
            }
            String separator = endpoint.getRawQuery() == null ? "?" : "&";
            return URI.create(endpoint + separator + "id_token_hint=" + encode(idToken)
                    + "&post_logout_redirect_uri=" + encode(postLogoutUri.toString())
                    + "&client_id=" + encode(clientId.getValue()));
        }).onFailure().recoverWithItem(failure -> {
            LOG.debugf("no end-session URL: %s", failure.getMessage());
            return URI.create("/");
        });
    }

    private Tokens request(Provider p, AuthorizationGrant grant, boolean oidc) {
        HTTPResponse response;
        try {
            HTTPRequest http = new TokenRequest.Builder(p.token(), new ClientSecretBasic(clientId, secret), grant).build()
                    .toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            response = http.send();
        } catch (Exception e) {
            throw new SignInFailedException("token endpoint unreachable: " + e.getClass().getSimpleName(), true, null);
        }
        TokenResponse parsed;
        try {
            // the OIDC parser for refreshes too: identity sends a new ID token with them, and the
            // end-session request must name the current one
            parsed = OIDCTokenResponseParser.parse(response);
        } catch (Exception e) {
            throw new SignInFailedException("token endpoint answered " + response.getStatusCode()
                    + " without a usable body", response.getStatusCode() >= 500, null);
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = ((TokenErrorResponse) parsed).getErrorObject();
            int status = response.getStatusCode();
            throw new SignInFailedException("token endpoint refused: " + (error == null ? status : error.getCode()),
                    status >= 500, null);
        }
        Tokens tokens = parsed.toSuccessResponse().getTokens();
        if (oidc && (!(tokens instanceof OIDCTokens idTokens) || idTokens.getIDTokenString() == null)) {
            throw new SignInFailedException("token endpoint answered without an ID token", false, null);
        }
        return tokens;
    }

    private Provider provider() {
        Provider known = provider;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (provider == null) {
                try {
                    OIDCProviderMetadata metadata = discover();
                    // the browser goes to the authorize and end-session endpoints as published; the
                    // storefront's own calls (token, keys) go to the provider's internal address
                    IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), clientId, JWSAlgorithm.RS256,
                            backChannel(metadata.getJWKSetURI()).toURL(), new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, 512 * 1024));
                    validator.setMaxClockSkew(30);
                    provider = new Provider(metadata.getAuthorizationEndpointURI(), backChannel(metadata.getTokenEndpointURI()),
                            metadata.getEndSessionEndpointURI(), validator);
                } catch (Exception e) {
                    throw new SignInFailedException("provider discovery failed: " + e.getClass().getSimpleName(), true, null);
                }
            }
            return provider;
        }
    }

    /** The discovery document, from the internal address when there is one; it must name our issuer. */
    private OIDCProviderMetadata discover() throws Exception {
        if (internalUrl.isEmpty()) {
            return OIDCProviderMetadata.resolve(issuer, TIMEOUT_MS, TIMEOUT_MS);
        }
        Resource document = new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, 512 * 1024)
                .retrieveResource(URI.create(internalUrl.get() + "/.well-known/openid-configuration").toURL());
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(document.getContent());
        if (!metadata.getIssuer().equals(issuer)) {
            throw new GeneralException("the provider at " + internalUrl.get() + " is the issuer " + metadata.getIssuer()
                    + ", not " + issuer);
        }
        return metadata;
    }

    private URI backChannel(URI endpoint) {
        return backChannel(endpoint, issuer.getValue(), internalUrl);
    }

    /** An endpoint under the issuer's address, moved to the internal address when there is one. */
    static URI backChannel(URI endpoint, String issuer, Optional<String> internalUrl) {
        String published = endpoint.toString();
        if (internalUrl.isEmpty() || !published.startsWith(issuer + "/")) {
            return endpoint;
        }
        return URI.create(internalUrl.get() + published.substring(issuer.length()));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static long expiresAt(long lifetimeSeconds) {
        // no lifetime given: assume a short one, so the token is refreshed rather than trusted too long
        return Instant.now().getEpochSecond() + (lifetimeSeconds > 0 ? lifetimeSeconds : 60);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Runs {@code work} on a worker thread; the result comes back on the caller's Vert.x context when there is one. */
    private static <T> Uni<T> blocking(Supplier<T> work) {
        return onCallerContext(Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private static <T> Uni<T> onCallerContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return uni;
        }
        Executor back = task -> context.runOnContext(ignored -> task.run());
        return uni.emitOn(back);
    }
}
