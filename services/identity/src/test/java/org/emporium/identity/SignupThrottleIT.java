package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.Browser.form;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-up throttle with its real limits (5 per client IP in 10 minutes, 3 per email in an hour) on two
 * instances of identity sharing one database, so the counts are shared. Clients come from different
 * loopback addresses (127.0.0.2, 127.0.0.3, …), which the server sees as different client IPs; each test
 * uses addresses of its own, so the tests do not share a count. 127.0.0.9 plays a trusted proxy (an
 * ingress), whose X-Forwarded-For names the client.
 */
class SignupThrottleIT {

    private static final String PASSWORD = "a long enough passphrase";
    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();
    private static JdbcClient database;

    @BeforeAll
    static void startTwoInstances() {
        Map<String, Object> settings = StandaloneIdentity.settings("identity_signup_throttle");
        settings.put("emporium.identity.signup-throttle.ip-max-attempts", "5");
        settings.put("emporium.identity.signup-throttle.ip-window", "10m");
        settings.put("emporium.identity.signup-throttle.email-max-attempts", "3");
        settings.put("emporium.identity.signup-throttle.email-window", "1h");
        settings.put("server.tomcat.remoteip.internal-proxies", "127\\.0\\.0\\.9");
        INSTANCES.addAll(StandaloneIdentity.start(settings, 2));
        database = StandaloneIdentity.database(settings);
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theSixthSignupFromOneAddressIsRefusedOnEitherInstance() {
        for (int i = 0; i < 5; i++) {
            assertThat(signup(client(i % 2, "127.0.0.2"), RunningIdentityServer.uniqueEmail()).statusCode()).isEqualTo(202);
        }

        String refusedEmail = RunningIdentityServer.uniqueEmail();
        HttpResponse<String> refused = signup(client(0, "127.0.0.2"), refusedEmail);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(retryAfter(refused)).isBetween(1L, 600L);
        assertThat(Json.parse(refused.body())).containsEntry("type", "about:blank").containsEntry("status", 429L)
                .containsEntry("title", "Too many requests").containsEntry("instance", "/api/identity/accounts")
                .containsEntry("detail", "Too many sign-ups from here; try again in 10 minutes");
        assertThat(accounts(refusedEmail)).isZero();

        // the page, on the other instance, says so too
        Browser page = client(1, "127.0.0.2");
        HttpResponse<String> form = page.postForm("/signup", form("email", RunningIdentityServer.uniqueEmail(),
                "password", PASSWORD, "name", "Page", "_csrf", Browser.csrf(page.get("/signup"))));
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(retryAfter(form)).isBetween(1L, 600L);
        assertThat(form.body()).contains("Too many sign-ups from here; try again in 10 minutes");

        // another address is not affected
        assertThat(signup(client(1, "127.0.0.3"), RunningIdentityServer.uniqueEmail()).statusCode()).isEqualTo(202);
    }

    /** Counted per email whether or not it has an account: the refusal tells nothing about accounts. */
    @Test
    void theFourthSignupForOneEmailIsRefusedFromAnyAddress() {
        String email = RunningIdentityServer.uniqueEmail();
        List<String> addresses = List.of("127.0.0.4", "127.0.0.5", "127.0.0.6");
        for (int i = 0; i < addresses.size(); i++) {
            assertThat(signup(client(i % 2, addresses.get(i)), email).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> refused = signup(client(1, "127.0.0.7"), email);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(retryAfter(refused)).isBetween(1L, 3600L);
        assertThat(Json.parse(refused.body())).containsEntry("status", 429L);
        assertThat(accounts(email)).isOne();
        // the welcome, then "someone tried" twice
        assertThat(TestMail.await(email, 3)).hasSize(3);
        // another email from the refused address goes through
        assertThat(signup(client(0, "127.0.0.7"), RunningIdentityServer.uniqueEmail()).statusCode()).isEqualTo(202);
    }

    @Test
    void behindATrustedProxyClientsAreCountedByTheAddressItForwarded() {
        Browser proxy = client(0, "127.0.0.9");
        for (int i = 0; i < 5; i++) {
            assertThat(signup(proxy, RunningIdentityServer.uniqueEmail(), "198.51.100.1").statusCode()).isEqualTo(202);
        }
        assertThat(signup(proxy, RunningIdentityServer.uniqueEmail(), "198.51.100.1").statusCode()).isEqualTo(429);
        // another client behind the same proxy, and what a client wrote left of the proxy's entry is not believed
        assertThat(signup(client(1, "127.0.0.9"), RunningIdentityServer.uniqueEmail(), "198.51.100.1, 198.51.100.2")
                .statusCode()).isEqualTo(202);
        assertThat(signup(proxy, RunningIdentityServer.uniqueEmail(), "198.51.100.2, 198.51.100.1").statusCode())
                .isEqualTo(429);
    }

    @Test
    void aClientThatIsNoTrustedProxyCannotPickItsAddress() {
        Browser client = client(1, "127.0.0.10");
        for (int i = 0; i < 5; i++) {
            assertThat(signup(client, RunningIdentityServer.uniqueEmail(), "203.0.113." + i).statusCode()).isEqualTo(202);
        }
        assertThat(signup(client, RunningIdentityServer.uniqueEmail(), "203.0.113.99").statusCode()).isEqualTo(429);
    }

    /** Invalid input costs no hash, no mail and no row: it is not counted, and stays a 400 naming the fields. */
    @Test
    void invalidSignupsAreNotCounted() {
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> invalid = client(i % 2, "127.0.0.8").postJson("/api/identity/accounts",
                    "{\"email\":\"not-an-email\",\"password\":\"short\",\"name\":\"Ada\"}");
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.body()).contains("\"field\":\"email\"").contains("\"field\":\"password\"");
        }
        assertThat(signup(client(0, "127.0.0.8"), RunningIdentityServer.uniqueEmail()).statusCode()).isEqualTo(202);
    }

    private static HttpResponse<String> signup(Browser browser, String email) {
        return browser.postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Shopper\"}");
    }

    private static HttpResponse<String> signup(Browser browser, String email, String forwardedFor) {
        return browser.postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Shopper\"}",
                "X-Forwarded-For", forwardedFor);
    }

    /** A browser on instance {@code instance} whose connections come from {@code address}. */
    private static Browser client(int instance, String address) {
        String port = INSTANCES.get(instance).getEnvironment().getProperty("local.server.port");
        try {
            return new Browser(URI.create("http://127.0.0.1:" + port + "/"), InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long retryAfter(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    }

    private static long accounts(String email) {
        return database.sql("SELECT count(*) FROM accounts WHERE email = :email").param("email", email)
                .query(Long.class).single();
    }
}
