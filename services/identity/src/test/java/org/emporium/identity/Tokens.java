package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.Browser.form;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Set;
import java.util.TreeSet;

/** Tokens and key sets as a resource server sees them. */
final class Tokens {

    private Tokens() {
    }

    /** The key set {@code browser}'s instance publishes. */
    static JWKSet jwks(Browser browser) {
        try {
            return JWKSet.parse(browser.get("/oauth2/jwks", "Accept", "application/json").body());
        } catch (ParseException e) {
            throw new AssertionError("not a JWKS", e);
        }
    }

    /** The kids of {@code browser}'s key set, sorted. */
    static Set<String> kids(Browser browser) {
        Set<String> kids = new TreeSet<>();
        jwks(browser).getKeys().forEach(k -> kids.add(k.getKeyID()));
        return kids;
    }

    /** The claims of {@code jwt}, once its signature is checked with the key of its kid in {@code jwks}. */
    static JWTClaimsSet verified(String jwt, JWKSet jwks) throws Exception {
        SignedJWT signed = SignedJWT.parse(jwt);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(key).as("JWKS has the token's kid").isNotNull();
        assertThat(signed.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        return signed.getJWTClaimsSet();
    }

    static String kid(String jwt) throws ParseException {
        return SignedJWT.parse(jwt).getHeader().getKeyID();
    }

    /** A client-credentials access token of the services client (role "service"). */
    static String serviceToken(Browser browser) {
        var token = browser.postForm("/oauth2/token", form("grant_type", "client_credentials", "scope", "internal"),
                "emporium-services:" + RunningIdentityServer.SERVICES_SECRET);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return Json.parse(token.body()).get("access_token").toString();
    }
}
