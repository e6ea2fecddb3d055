package org.emporium.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The running service on a random port against a real PostgreSQL. Every IT extends this with the same
 * configuration, so they share one application context. Login delays are milliseconds-to-a-second
 * scale; the per-IP limits (login failures, sign-ups) are high because every test request comes from
 * 127.0.0.1. Mail goes to the tests' SMTP server ({@link TestMail}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.servlet.session.cookie.secure=false",
        "management.tracing.sampling.probability=0",
        "emporium.identity.throttle.initial-delay=200ms",
        "emporium.identity.throttle.max-delay=1s",
        "emporium.identity.throttle.ip-max-failures=100000",
        "emporium.identity.signup-throttle.ip-max-attempts=100000",
        "emporium.identity.key-encryption-key=" + RunningIdentityServer.KEY_ENCRYPTION_KEY})
public abstract class RunningIdentityServer {

    public static final String ISSUER = "http://localhost:8110";
    public static final String STOREFRONT_SECRET = "storefront-dev-secret-change-me";
    public static final String SERVICES_SECRET = "services-dev-secret-change-me";
    public static final String STOREFRONT_REDIRECT = "http://localhost:8080/login/callback";
    /**
     * The key-encryption key of every test start (EMPORIUM_IDENTITY_KEY_ENCRYPTION_KEY): the Base64 of 32
     * bytes, "identity tests only, never used!". A constant, because identity checks it before the test
     * context adds its dynamic properties.
     */
    public static final String KEY_ENCRYPTION_KEY = "aWRlbnRpdHkgdGVzdHMgb25seSwgbmV2ZXIgdXNlZCE=";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Shared.DATABASE.forEach((key, value) -> registry.add(key, () -> value));
        TestMail.settings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("emporium.identity.admin-password-file", () -> Shared.ADMIN_FILE);
        registry.add("EMPORIUM_FAULTS_FILE", Shared.FAULTS::toString);
    }

    private static final class Shared {
        static final Map<String, String> DATABASE = TestDatabase.create("identity");
        static final String ADMIN_FILE = "target/test-admin-password-" + UUID.randomUUID();
        /** The flag file of runtime faults, empty but for FaultInjectionIT, which clears what it writes. */
        static final java.nio.file.Path FAULTS = java.nio.file.Path.of("target/test-faults-" + UUID.randomUUID() + ".json")
                .toAbsolutePath();

        static {
            org.emporium.platform.faults.FlagFile.empty().write(FAULTS);
        }
    }

    /** The flag file this identity watches ({@code ./emporium chaos} writes the real one). */
    protected static java.nio.file.Path faultsFile() {
        return Shared.FAULTS;
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected Browser browser() {
        return new Browser(URI.create("http://localhost:" + port + "/"));
    }

    protected static String uniqueEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    /** The storefront client's authorization request with PKCE S256 for {@code verifier}, plus {@code extra} parameters. */
    protected static String authorizeUrl(String verifier, String state, String nonce, String extra) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return "/oauth2/authorize?response_type=code&client_id=storefront"
                + "&scope=" + URLEncoder.encode("openid profile email", StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(STOREFRONT_REDIRECT, StandardCharsets.UTF_8)
                + "&state=" + state + "&nonce=" + nonce + extra + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
    }

    protected static String randomUrlSafe(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    /** Standard Base64 with padding, as {@code openssl rand -base64} writes it. */
    public static String randomBase64(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }

    private static byte[] randomBytes(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return random;
    }

    /** A new account signed in through the storefront client's code flow: the token response. */
    protected Map<String, Object> storefrontSignIn() throws Exception {
        return storefrontSignIn(browser());
    }

    /** The same, through {@code browser}'s instance. */
    protected static Map<String, Object> storefrontSignIn(Browser browser) throws Exception {
        String email = uniqueEmail();
        String password = "a long enough passphrase";
        register(browser, email, password, "Shopper");
        return storefrontSignIn(browser, email, password);
    }

    /** An existing account signed in through the storefront client's code flow: the token response. */
    protected static Map<String, Object> storefrontSignIn(Browser browser, String email, String password) throws Exception {
        browser.login(email, password);
        String verifier = randomUrlSafe(48);
        var authorized = browser.get(authorizeUrl(verifier, "st", "n", ""));
        String code = UriComponentsBuilder.fromUriString(Browser.location(authorized)).build().getQueryParams()
                .getFirst("code");
        var token = browser.postForm("/oauth2/token", Browser.form("grant_type", "authorization_code", "code", code,
                "redirect_uri", STOREFRONT_REDIRECT, "code_verifier", verifier), "storefront:" + STOREFRONT_SECRET);
        if (token.statusCode() != 200) {
            throw new AssertionError("code exchange failed: " + token.statusCode() + " " + token.body());
        }
        return Json.parse(token.body());
    }

    /** Registers an account through the API and returns its id (from the database: the answer has none). */
    protected String register(String email, String password, String name) {
        register(browser(), email, password, name);
        return jdbc.sql("SELECT id FROM accounts WHERE email = lower(:email)").param("email", email)
                .query(String.class).single();
    }

    /** The same, through {@code browser}'s instance. */
    protected static void register(Browser browser, String email, String password, String name) {
        var response = browser.postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + name + "\"}");
        if (response.statusCode() != 202) {
            throw new AssertionError("registration failed: " + response.statusCode() + " " + response.body());
        }
    }
}
