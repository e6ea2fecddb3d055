package org.emporium.platform.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.DiscoveredUrl;

/**
 * Verifies access tokens: RS256 signature against the provider's JWKS (fetched on first use and
 * cached, refetched when an unknown key id appears, so the provider may start after this service
 * and rotate keys), the issuer, the audience, expiry and not-before (60 s clock skew). The key set's
 * URL may be {@code stork://identity/oauth2/jwks}: it is fetched from any registered instance.
 */
@ApplicationScoped
public class TokenVerifier {

    /** Why a token was refused, in words safe to answer with (no token contents). */
    public static class InvalidToken extends Exception {
        InvalidToken(String message) {
            super(message, null, false, false);
        }
    }

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String rolesClaim;

    public TokenVerifier(@ConfigProperty(name = "emporium.auth.issuer", defaultValue = "http://localhost:8110") String issuer,
                         @ConfigProperty(name = "emporium.auth.jwks-url") Optional<String> jwksUrl,
                         @ConfigProperty(name = "emporium.auth.audience", defaultValue = "emporium") String audience,
                         @ConfigProperty(name = "emporium.auth.roles-claim", defaultValue = "roles") String rolesClaim)
            throws MalformedURLException {
        DiscoveredUrl keys = DiscoveredUrl.of(jwksUrl.filter(u -> !u.isBlank())
                .orElse(issuer.replaceAll("/+$", "") + "/oauth2/jwks"));
        // short timeouts: a request waits for the key set at most once, and never for long
        ResourceRetriever http = new DefaultResourceRetriever(IdentityCalls.CONNECT_TIMEOUT_MILLIS,
                IdentityCalls.READ_TIMEOUT_MILLIS, 256 * 1024);
        // Nimbus wants a java.net.URL, which has no stork: scheme; the retriever ignores it and asks keys
        ResourceRetriever retriever = ignored -> keys.call(url -> http.retrieveResource(url.toURL()));
        JWKSource<SecurityContext> source = JWKSourceBuilder
                .create(keys.nominal().toURL(), retriever)
                .retrying(true)
                .build();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp")));
        this.rolesClaim = rolesClaim;
    }

    public Caller verify(String token) throws InvalidToken {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidToken("the token is not a JWT");
        } catch (BadJOSEException e) {
            throw new InvalidToken(e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new InvalidToken("the token could not be verified: " + e.getMessage());
        } catch (RuntimeException e) { // the key set could not be fetched, among others
            throw new InvalidToken("the token could not be verified: " + e.getClass().getSimpleName());
        }
        try {
            List<String> roles = claims.getStringListClaim(rolesClaim);
            return new Caller(claims.getSubject(), claims.getStringClaim("email"),
                    roles == null ? Set.of() : new HashSet<>(roles), token);
        } catch (ParseException e) {
            throw new InvalidToken("the token's email or " + rolesClaim + " claim has the wrong type");
        }
    }
}
