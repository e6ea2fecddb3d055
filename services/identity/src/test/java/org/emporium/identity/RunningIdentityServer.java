package org.emporium.identity;

import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service on a random port against a real PostgreSQL. Every IT extends this with the same
 * configuration, so they share one application context. Login delays are milliseconds-to-a-second
 * scale; the per-IP limit is high because every test request comes from 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.servlet.session.cookie.secure=false",
        "management.tracing.sampling.probability=0",
        "emporium.identity.throttle.initial-delay=200ms",
        "emporium.identity.throttle.max-delay=1s",
        "emporium.identity.throttle.ip-max-failures=100000"})
public abstract class RunningIdentityServer {

    public static final String ISSUER = "http://localhost:8110";
    public static final String STOREFRONT_SECRET = "storefront-dev-secret-change-me";
    public static final String SERVICES_SECRET = "services-dev-secret-change-me";
    public static final String STOREFRONT_REDIRECT = "http://localhost:8080/login/callback";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Shared.DATABASE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("emporium.identity.admin-password-file", () -> Shared.ADMIN_FILE);
    }

    private static final class Shared {
        static final java.util.Map<String, String> DATABASE = TestDatabase.create("identity");
        static final String ADMIN_FILE = "target/test-admin-password-" + UUID.randomUUID();
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

    /** Registers an account through the API and returns its id. */
    protected String register(String email, String password, String name) {
        var response = browser().postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + name + "\"}");
        if (response.statusCode() != 201) {
            throw new AssertionError("registration failed: " + response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body()).get("id").toString();
    }
}
