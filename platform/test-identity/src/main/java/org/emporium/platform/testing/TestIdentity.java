package org.emporium.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in OpenID provider for service tests: an RSA key whose public half is served as a JWKS
 * over real HTTP (as the identity service serves {@code /oauth2/jwks}), and tokens signed like the
 * identity service's access tokens ({@code iss}, {@code aud} "emporium", {@code sub}, {@code email},
 * {@code roles}), plus the bad ones a verifier must refuse.
 */
public final class TestIdentity implements AutoCloseable {

    public static final String AUDIENCE = "emporium";
    /** The client-credentials client the token endpoint accepts (as the identity service's emporium-services). */
    public static final String SERVICE_CLIENT = "emporium-services";
    public static final String SERVICE_SECRET = "test-services-secret";

    private final RSAKey key;
    private final RSAKey stranger;
    private final HttpServer server;
    private final AtomicInteger keySetFetches = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();

    private TestIdentity(RSAKey key, RSAKey stranger, HttpServer server) {
        this.key = key;
        this.stranger = stranger;
        this.server = server;
    }

    public static TestIdentity start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIdentity identity = new TestIdentity(key, stranger, server);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                identity.keySetFetches.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.createContext("/oauth2/token", exchange -> {
                identity.tokenRequests.incrementAndGet();
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (SERVICE_CLIENT + ":" + SERVICE_SECRET).getBytes(StandardCharsets.UTF_8));
                boolean ok = "POST".equals(exchange.getRequestMethod()) && form.contains("grant_type=client_credentials")
                        && expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = (ok ? "{\"access_token\":\"" + identity.service() + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                        : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return identity;
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("starting the test identity provider", e);
        }
    }

    /** The issuer; its JWKS is at {@code issuer + "/oauth2/jwks"}, as with the identity service. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int keySetFetches() {
        return keySetFetches.get();
    }

    /** How many client-credentials token requests the token endpoint ({@code /oauth2/token}) answered. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** A valid 5-minute access token for a customer account. */
    public String customer(String subject) {
        return token(subject, subject + "@example.com", List.of("customer"));
    }

    /** A valid 5-minute access token for an admin account. */
    public String admin() {
        return token("admin-0000", "admin@emporium.local", List.of("admin"));
    }

    /** A valid client-credentials token (no email, role "service"). */
    public String service() {
        return token("emporium-services", null, List.of("service"));
    }

    public String token(String subject, String email, List<String> roles) {
        return sign(key, claims(subject, email, roles, issuer(), Instant.now().plus(Duration.ofMinutes(5))));
    }

    public String expired(String subject) {
        return sign(key, claims(subject, null, List.of("customer"), issuer(), Instant.now().minus(Duration.ofMinutes(10))));
    }

    public String fromAnotherIssuer(String subject) {
        return sign(key, claims(subject, null, List.of("customer"), "https://issuer.example.org",
                Instant.now().plus(Duration.ofMinutes(5))));
    }

    public String signedByAStranger(String subject) {
        return sign(stranger, claims(subject, null, List.of("customer"), issuer(), Instant.now().plus(Duration.ofMinutes(5))));
    }

    /** A valid token whose payload was then changed: the roles claim now says admin. */
    public String tampered(String subject) {
        String[] parts = customer(subject).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static JWTClaimsSet claims(String subject, String email, List<String> roles, String issuer, Instant expiry) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(AUDIENCE)
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(5)))).expirationTime(Date.from(expiry))
                .claim("email", email).claim("roles", roles).jwtID(UUID.randomUUID().toString()).build();
    }

    /** Signs claims as an RS256 JWT with the key's id in the header, as the identity service signs its tokens. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
