package org.emporium.storefront;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.emporium.platform.testing.TestIdentity;

/**
 * A stand-in OpenID provider for the storefront's sign-in: discovery, an authorization endpoint that
 * signs in the {@linkplain #account next account} at once and redirects back with a code (or with
 * {@code error=access_denied} when told to), a token endpoint (authorization code with PKCE S256 and
 * {@code client_secret_basic}, refresh with rotation) and the JWKS. Tokens are RS256 JWTs shaped like
 * the identity service's: access tokens with {@code aud} "emporium", {@code email}, {@code roles},
 * ID tokens with {@code aud} the client, {@code nonce}, {@code email} and {@code name}.
 */
public final class OidcStandIn {

    public static final String CLIENT_ID = "storefront";
    public static final String CLIENT_SECRET = "test-storefront-secret";

    /** The account the next authorization signs in. */
    public record Account(String subject, String email, String name) {
    }

    /** One authorization request, as the browser brought it. */
    public record Authorization(Map<String, String> query) {
    }

    private record Grant(Account account, String nonce, String challenge, String redirectUri) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RSAKey key;
    private final LoopbackServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Account> refreshTokens = new ConcurrentHashMap<>();
    private final List<Authorization> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> accessTokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile Account account = new Account(UUID.randomUUID().toString(), "ada@example.com", "Ada Lovelace");
    private volatile long lifetimeSeconds = 300;
    private volatile boolean deny;
    private volatile int tokenFailure;

    private OidcStandIn() {
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.server = LoopbackServer.start(this::handle);
    }

    public static OidcStandIn start() {
        return new OidcStandIn();
    }

    public String issuer() {
        return server.url();
    }

    public void stop() {
        server.stop();
    }

    /** Back to normal: a new account, 5-minute access tokens, no denial or failure, empty logs. */
    public void reset() {
        account = new Account(UUID.randomUUID().toString(), "ada@example.com", "Ada Lovelace");
        lifetimeSeconds = 300;
        deny = false;
        tokenFailure = 0;
        authorizations.clear();
        accessTokens.clear();
        refreshes.set(0);
    }

    public void account(Account next) {
        this.account = next;
    }

    public Account account() {
        return account;
    }

    /** How long the next access tokens live ({@code expires_in}). */
    public void lifetime(Duration lifetime) {
        this.lifetimeSeconds = lifetime.toSeconds();
    }

    /** The authorization endpoint answers {@code error=access_denied}, as when the shopper cancels. */
    public void deny(boolean on) {
        this.deny = on;
    }

    /** The token endpoint answers this status (0: normally). */
    public void failTokens(int status) {
        this.tokenFailure = status;
    }

    public List<Authorization> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Every access token issued, oldest first. */
    public List<String> accessTokens() {
        return List.copyOf(accessTokens);
    }

    public int refreshes() {
        return refreshes.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/.well-known/openid-configuration" -> LoopbackServer.send(exchange, 200, "application/json", discovery());
                case "/oauth2/jwks" -> {
                    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    exchange.getResponseBody().write(jwks);
                }
                case "/oauth2/authorize" -> authorize(exchange);
                case "/oauth2/token" -> token(exchange);
                default -> LoopbackServer.send(exchange, 404, "application/json", Map.of("error", "not_found"));
            }
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer());
        d.put("authorization_endpoint", issuer() + "/oauth2/authorize");
        d.put("token_endpoint", issuer() + "/oauth2/token");
        d.put("jwks_uri", issuer() + "/oauth2/jwks");
        d.put("end_session_endpoint", issuer() + "/connect/logout");
        d.put("userinfo_endpoint", issuer() + "/userinfo");
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("scopes_supported", List.of("openid", "profile", "email"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        return d;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = LoopbackServer.query(exchange.getRequestURI().getRawQuery());
        authorizations.add(new Authorization(query));
        String redirect = query.get("redirect_uri");
        String state = query.get("state");
        String location;
        if (deny) {
            location = redirect + "?error=access_denied&state=" + enc(state);
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new Grant(account, query.get("nonce"), query.get("code_challenge"), redirect));
            location = redirect + "?code=" + enc(code) + "&state=" + enc(state);
        }
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = LoopbackServer.query(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (tokenFailure != 0) {
            LoopbackServer.send(exchange, tokenFailure, "application/json", Map.of("error", "server_error"));
            return;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            LoopbackServer.send(exchange, 401, "application/json", Map.of("error", "invalid_client"));
            return;
        }
        if ("authorization_code".equals(form.get("grant_type"))) {
            Grant grant = codes.remove(String.valueOf(form.get("code")));
            if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                    || !grant.challenge().equals(s256(form.get("code_verifier")))) {
                LoopbackServer.send(exchange, 400, "application/json", Map.of("error", "invalid_grant"));
                return;
            }
            LoopbackServer.send(exchange, 200, "application/json", tokens(grant.account(), grant.nonce(), true));
        } else if ("refresh_token".equals(form.get("grant_type"))) {
            Account owner = refreshTokens.remove(String.valueOf(form.get("refresh_token")));
            if (owner == null) {
                LoopbackServer.send(exchange, 400, "application/json", Map.of("error", "invalid_grant"));
                return;
            }
            refreshes.incrementAndGet();
            LoopbackServer.send(exchange, 200, "application/json", tokens(owner, null, false));
        } else {
            LoopbackServer.send(exchange, 400, "application/json", Map.of("error", "unsupported_grant_type"));
        }
    }

    private Map<String, Object> tokens(Account who, String nonce, boolean withIdToken) {
        Instant now = Instant.now();
        Instant expiry = now.plusSeconds(lifetimeSeconds);
        String access = sign(new JWTClaimsSet.Builder().issuer(issuer()).subject(who.subject()).audience("emporium")
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString()).claim("email", who.email()).claim("roles", List.of("customer"))
                .claim("scope", List.of("openid", "profile", "email")).claim("client_id", CLIENT_ID).build());
        accessTokens.add(access);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (UUID.randomUUID() + "" + UUID.randomUUID() + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        refreshTokens.put(refresh, who);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetimeSeconds);
        body.put("refresh_token", refresh);
        body.put("scope", "openid profile email");
        if (withIdToken) {
            body.put("id_token", sign(new JWTClaimsSet.Builder().issuer(issuer()).subject(who.subject())
                    .audience(CLIENT_ID).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                    .jwtID(UUID.randomUUID().toString()).claim("azp", CLIENT_ID).claim("nonce", nonce)
                    .claim("auth_time", Date.from(now)).claim("sid", UUID.randomUUID().toString())
                    .claim("email", who.email()).claim("email_verified", false).claim("name", who.name()).build()));
        }
        return body;
    }

    private String sign(JWTClaimsSet claims) {
        return TestIdentity.sign(key, claims);
    }

    /** The subject of a bearer token (the stand-ins use it to tell callers apart), or null. */
    static String subjectOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("sub").asText(null);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
