package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.Browser.form;
import static org.emporium.identity.Browser.location;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class OidcFlowIT extends RunningIdentityServer {

    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void discoveryListsTheEndpoints() {
        var response = browser().get("/.well-known/openid-configuration", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> discovery = Json.parse(response.body());
        assertThat(discovery).containsEntry("issuer", ISSUER)
                .containsEntry("authorization_endpoint", ISSUER + "/oauth2/authorize")
                .containsEntry("token_endpoint", ISSUER + "/oauth2/token")
                .containsEntry("jwks_uri", ISSUER + "/oauth2/jwks")
                .containsEntry("userinfo_endpoint", ISSUER + "/userinfo")
                .containsEntry("end_session_endpoint", ISSUER + "/connect/logout");
    }

    @Test
    void authorizationCodeWithPkceGivesSignedTokensThatRefresh() throws Exception {
        String email = uniqueEmail();
        String id = register(email, PASSWORD, "Grace Hopper");
        Browser browser = browser();
        String verifier = randomUrlSafe(48);
        String authorize = authorizeUrl(verifier, "st-123", "n-456", "");

        // not signed in: to the login form
        var first = browser.get(authorize);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/login");

        var loginPage = browser.get(location(first));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        var signedIn = browser.postForm("/login",
                form("username", email, "password", PASSWORD, "_csrf", Browser.csrf(loginPage)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).contains("/oauth2/authorize");

        // back at the authorization endpoint, now signed in: to the client with a code (no consent for first-party)
        var back = browser.get(location(signedIn));
        assertThat(back.statusCode()).isEqualTo(302);
        String callback = location(back);
        assertThat(callback).startsWith(STOREFRONT_REDIRECT);
        Map<String, String> query = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("state", "st-123").containsKey("code");

        // a wrong verifier is refused
        var wrongVerifier = browser.postForm("/oauth2/token", form("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", STOREFRONT_REDIRECT, "code_verifier", randomUrlSafe(48)),
                "storefront:" + STOREFRONT_SECRET);
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);

        // a fresh code for the real exchange (whether a failed exchange spends a code is not this test's concern)
        var again = browser.get(authorize);
        assertThat(again.statusCode()).isEqualTo(302);
        query = UriComponentsBuilder.fromUriString(location(again)).build().getQueryParams().toSingleValueMap();

        var token = browser.postForm("/oauth2/token", form("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", STOREFRONT_REDIRECT, "code_verifier", verifier),
                "storefront:" + STOREFRONT_SECRET);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Map<String, Object> tokens = Json.parse(token.body());
        assertThat(tokens).containsKeys("access_token", "refresh_token", "id_token");
        assertThat((Long) tokens.get("expires_in")).isBetween(290L, 300L);

        JWKSet jwks = Tokens.jwks(browser);
        JWTClaimsSet access = Tokens.verified(tokens.get("access_token").toString(), jwks);
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getAudience()).containsExactly("emporium");
        assertThat(access.getSubject()).isEqualTo(id);
        assertThat(access.getStringClaim("email")).isEqualTo(email);
        assertThat(access.getStringListClaim("roles")).containsExactly("customer");
        assertThat(Duration.between(Instant.now(), access.getExpirationTime().toInstant()))
                .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5).plusSeconds(5));

        JWTClaimsSet idToken = Tokens.verified(tokens.get("id_token").toString(), jwks);
        assertThat(idToken.getIssuer()).isEqualTo(ISSUER);
        assertThat(idToken.getAudience()).containsExactly("storefront");
        assertThat(idToken.getSubject()).isEqualTo(id);
        assertThat(idToken.getStringClaim("nonce")).isEqualTo("n-456");
        assertThat(idToken.getStringClaim("email")).isEqualTo(email);
        assertThat(idToken.getStringClaim("name")).isEqualTo("Grace Hopper");

        var userinfo = browser.get("/userinfo", "Authorization", "Bearer " + tokens.get("access_token"));
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(Json.parse(userinfo.body())).containsEntry("sub", id).containsEntry("email", email);

        var refreshed = browser.postForm("/oauth2/token", form("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").toString()), "storefront:" + STOREFRONT_SECRET);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Map<String, Object> renewed = Json.parse(refreshed.body());
        assertThat(renewed.get("refresh_token")).isNotEqualTo(tokens.get("refresh_token"));
        JWTClaimsSet renewedAccess = Tokens.verified(renewed.get("access_token").toString(), jwks);
        assertThat(renewedAccess.getSubject()).isEqualTo(id);
        assertThat(renewedAccess.getStringListClaim("roles")).containsExactly("customer");
    }

    /**
     * The storefront's "Sign up": authorize with prompt=create → the sign-up page → one post, which signs
     * the new shopper in and resumes the saved authorization request → the client's redirect URI with a
     * code. The login form is never posted.
     */
    @Test
    void promptCreateSignsUpThenResumesTheAuthorizationRequest() throws Exception {
        String email = uniqueEmail();
        Browser browser = browser();
        String verifier = randomUrlSafe(48);

        var signupPage = signupPageFor(browser, authorizeUrl(verifier, "st-create", "n-create", "&prompt=create"));
        var registered = browser.postForm("/signup", form("email", email, "password", PASSWORD,
                "name", "Ada Lovelace", "_csrf", Browser.csrf(signupPage)));

        // signed in at once: back to the saved authorization request, which carries on to the client with a code
        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(location(registered)).contains("/oauth2/authorize").contains("prompt=create").contains("continue");
        Map<String, String> query = codeAfter(browser, location(registered), "st-create");

        var token = browser.postForm("/oauth2/token", form("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", STOREFRONT_REDIRECT, "code_verifier", verifier),
                "storefront:" + STOREFRONT_SECRET);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JWKSet jwks = Tokens.jwks(browser);
        JWTClaimsSet idToken = Tokens.verified(Json.parse(token.body()).get("id_token").toString(), jwks);
        assertThat(idToken.getStringClaim("email")).isEqualTo(email);
        assertThat(idToken.getStringClaim("nonce")).isEqualTo("n-create");
        assertThat(idToken.getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(TestMail.await(email, 1).getFirst().subject()).isEqualTo("Your Emporium account is ready");
    }

    /** The owner of an existing account who signs up again with its password is signed in and sent on too. */
    @Test
    void promptCreateWithAnExistingAccountsPasswordResumesTheAuthorizationRequest() throws Exception {
        String email = uniqueEmail();
        String id = register(email, PASSWORD, "Owner");
        Browser browser = browser();

        var signupPage = signupPageFor(browser, authorizeUrl(randomUrlSafe(48), "st-owner", "n-owner", "&prompt=create"));
        var registered = browser.postForm("/signup", form("email", email, "password", PASSWORD,
                "name", "Owner Again", "_csrf", Browser.csrf(signupPage)));

        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(location(registered)).contains("/oauth2/authorize");
        codeAfter(browser, location(registered), "st-owner");
        assertThat(jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = :id").param("id", id)
                .query(Long.class).single()).as("the code is the owner's").isEqualTo(1);
    }

    /**
     * An existing email with another password: as before, to the login page and not signed in; the saved
     * authorization request waits there, and the login with the account's password resumes it.
     */
    @Test
    void promptCreateWithAnExistingEmailAndAnotherPasswordGoesToTheLogin() throws Exception {
        String email = uniqueEmail();
        register(email, PASSWORD, "Owner");
        Browser browser = browser();
        String authorize = authorizeUrl(randomUrlSafe(48), "st-other", "n-other", "&prompt=create");

        var signupPage = signupPageFor(browser, authorize);
        var registered = browser.postForm("/signup", form("email", email, "password", "not the owner's passphrase",
                "name", "Someone Else", "_csrf", Browser.csrf(signupPage)));

        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(location(registered)).endsWith("/login?registered");
        var loginPage = browser.get(location(registered));
        assertThat(loginPage.statusCode()).isEqualTo(200);
        // not signed in: the authorization request goes to the sign-up page again (and is saved again)
        assertThat(location(browser.get(authorize))).endsWith("/signup");

        var signedIn = browser.postForm("/login",
                form("username", email, "password", PASSWORD, "_csrf", Browser.csrf(loginPage)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).contains("/oauth2/authorize").contains("prompt=create");
        codeAfter(browser, location(signedIn), "st-other");
    }

    /** Not signed in, asking for registration: the authorization endpoint sends the browser to the sign-up page. */
    private static java.net.http.HttpResponse<String> signupPageFor(Browser browser, String authorize) {
        var first = browser.get(authorize);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(location(first)).endsWith("/signup");
        var signupPage = browser.get(location(first));
        assertThat(signupPage.statusCode()).isEqualTo(200);
        return signupPage;
    }

    /** The authorization request at {@code resumed}, now signed in: the client's redirect URI with a code and the state. */
    private static Map<String, String> codeAfter(Browser browser, String resumed, String state) {
        var back = browser.get(resumed);
        assertThat(back.statusCode()).isEqualTo(302);
        String callback = location(back);
        assertThat(callback).startsWith(STOREFRONT_REDIRECT);
        Map<String, String> query = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("state", state).containsKey("code");
        return query;
    }

    @Test
    void pkceIsRequired() {
        Browser browser = browser();
        String email = uniqueEmail();
        register(email, PASSWORD, "No Pkce");
        browser.login(email, PASSWORD);

        var response = browser.get("/oauth2/authorize?response_type=code&client_id=storefront&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(STOREFRONT_REDIRECT, StandardCharsets.UTF_8) + "&state=s");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).startsWith(STOREFRONT_REDIRECT).contains("error=invalid_request");
    }

    @Test
    void clientCredentialsForServices() throws Exception {
        Browser browser = browser();
        var token = browser.postForm("/oauth2/token", form("grant_type", "client_credentials", "scope", "internal"),
                "emporium-services:" + SERVICES_SECRET);

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Map<String, Object> body = Json.parse(token.body());
        assertThat(body).doesNotContainKey("refresh_token");
        JWTClaimsSet claims = Tokens.verified(body.get("access_token").toString(),
                Tokens.jwks(browser));
        assertThat(claims.getSubject()).isEqualTo("emporium-services");
        assertThat(claims.getAudience()).containsExactly("emporium");
        assertThat(claims.getStringListClaim("roles")).containsExactly("service");
        assertThat(claims.getStringListClaim("scope")).containsExactly("internal");

        var wrongSecret = browser.postForm("/oauth2/token", form("grant_type", "client_credentials", "scope", "internal"),
                "emporium-services:wrong");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }
}
