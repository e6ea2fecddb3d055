package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.emporium.identity.account.AdminAccountBootstrap;
import org.emporium.identity.oauth.SigningKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating the signing key with two instances on one database: the old key stays published while its
 * tokens may be in use, both instances switch to the new one, and only an admin or the services
 * client may rotate.
 */
class SigningKeyRotationIT {

    private static final String ROTATION = "/api/signing-keys/rotation";
    private static final String ADMIN_PASSWORD = "rotation-admin-" + System.nanoTime();
    /** Longer than a refresh of the keys plus the switch delay, with room for a slow machine. */
    private static final Duration SWITCH = Duration.ofSeconds(30);

    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        Map<String, Object> settings = StandaloneIdentity.settings("identity_rotation");
        settings.put("emporium.identity.admin-password", ADMIN_PASSWORD);
        INSTANCES.addAll(StandaloneIdentity.start(settings, 2));
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theOldKeyStaysPublishedAndBothInstancesSwitchToTheNewOne() throws Exception {
        String oldKid = settledKid();
        Map<String, Object> before = RunningIdentityServer.storefrontSignIn(browser(0));
        assertThat(Tokens.kid(before.get("access_token").toString())).isEqualTo(oldKid);

        HttpResponse<String> response = rotate(browser(1), Tokens.serviceToken(browser(1)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        Map<String, Object> rotation = Json.parse(response.body());
        String newKid = rotation.get("kid").toString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotation.get("retired")).isEqualTo(List.of(oldKid));
        assertThat(jdbc().sql("SELECT kid FROM signing_keys WHERE active").query(String.class).single()).isEqualTo(newKid);
        assertThat(jdbc().sql("SELECT retired_at IS NOT NULL FROM signing_keys WHERE kid = :kid").param("kid", oldKid)
                .query(Boolean.class).single()).isTrue();

        // the rotating instance publishes both keys at once, the other one after its next refresh
        assertThat(Tokens.kids(browser(1))).contains(oldKid, newKid);
        await().atMost(SWITCH).untilAsserted(() -> assertThat(Tokens.kids(browser(0))).contains(oldKid, newKid));

        // what was signed before still verifies, against either instance's key set and at identity itself
        Tokens.verified(before.get("access_token").toString(), Tokens.jwks(browser(0)));
        Tokens.verified(before.get("id_token").toString(), Tokens.jwks(browser(1)));
        assertThat(browser(1).get("/userinfo", "Authorization", "Bearer " + before.get("access_token")).statusCode())
                .isEqualTo(200);

        // both instances sign with the new key, and each one's tokens verify against the other's key set
        await().atMost(SWITCH).untilAsserted(() -> {
            for (int i = 0; i < 2; i++) {
                String token = Tokens.serviceToken(browser(i));
                assertThat(Tokens.kid(token)).as("instance %d", i).isEqualTo(newKid);
                Tokens.verified(token, Tokens.jwks(browser(1 - i)));
            }
        });
        Map<String, Object> after = RunningIdentityServer.storefrontSignIn(browser(0));
        assertThat(Tokens.kid(after.get("access_token").toString())).isEqualTo(newKid);
        assertThat(Tokens.kid(after.get("id_token").toString())).isEqualTo(newKid);
        assertThat(Tokens.kids(browser(0))).as("both instances publish the same keys").isEqualTo(Tokens.kids(browser(1)));

        // the retired key is published for as long as the longest-lived token identity signs
        JWTClaimsSet idToken = Tokens.verified(after.get("id_token").toString(), Tokens.jwks(browser(1)));
        assertThat(Duration.between(idToken.getIssueTime().toInstant(), idToken.getExpirationTime().toInstant()))
                .isLessThanOrEqualTo(SigningKeys.publishedAfterRetirement(Duration.ofMinutes(5)).minusMinutes(1));
    }

    @Test
    void aRetiredKeyIsUnpublishedOnceItsTokensExpiredAndDeletedAtTheNextRotation() {
        String first = ok(rotate(browser(0), Tokens.serviceToken(browser(0)))).get("kid").toString();
        String second = ok(rotate(browser(0), Tokens.serviceToken(browser(0)))).get("kid").toString();
        Duration published = SigningKeys.publishedAfterRetirement(Duration.ofMinutes(5));
        // as if the first had been retired just longer ago than its tokens live
        jdbc().sql("UPDATE signing_keys SET retired_at = now() - make_interval(secs => :ago) WHERE kid = :kid")
                .param("ago", (double) published.plusSeconds(1).toSeconds()).param("kid", first).update();

        await().atMost(SWITCH).untilAsserted(() -> {
            for (int i = 0; i < 2; i++) {
                assertThat(Tokens.kids(browser(i))).as("instance %d", i).doesNotContain(first).contains(second);
            }
        });
        assertThat(kidsStored()).contains(first);

        ok(rotate(browser(1), Tokens.serviceToken(browser(1))));
        assertThat(kidsStored()).doesNotContain(first).contains(second);
    }

    @Test
    void anAdminAndTheServicesClientMayRotateAndNobodyElse() throws Exception {
        Map<String, Object> customer = RunningIdentityServer.storefrontSignIn(browser(0));
        String customerToken = customer.get("access_token").toString();

        assertProblem(send(browser(0), null), 401);
        assertProblem(rotate(browser(0), customerToken), 403);
        // an ID token is for the storefront, not the API (audience)
        assertProblem(rotate(browser(0), customer.get("id_token").toString()), 401);
        String tampered = customerToken.substring(0, customerToken.length() - 4)
                + (customerToken.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertProblem(rotate(browser(0), tampered), 401);
        assertProblem(send(browser(0), "Basic " + Base64.getEncoder().encodeToString(
                ("emporium-services:" + RunningIdentityServer.SERVICES_SECRET).getBytes(StandardCharsets.UTF_8))), 401);
        assertProblem(rotate(browser(0), "not-a-jwt"), 401);

        Map<String, Object> admin = RunningIdentityServer.storefrontSignIn(browser(1), AdminAccountBootstrap.ADMIN_EMAIL, ADMIN_PASSWORD);
        ok(rotate(browser(0), admin.get("access_token").toString()));
    }

    /** The kid both instances sign with once no rotation is under way, which is the active key. */
    private static String settledKid() {
        String active = jdbc().sql("SELECT kid FROM signing_keys WHERE active").query(String.class).single();
        await().atMost(SWITCH).untilAsserted(() -> {
            for (int i = 0; i < 2; i++) {
                assertThat(Tokens.kid(Tokens.serviceToken(browser(i)))).as("instance %d", i).isEqualTo(active);
            }
        });
        return active;
    }

    private static HttpResponse<String> rotate(Browser browser, String accessToken) {
        return send(browser, "Bearer " + accessToken);
    }

    private static HttpResponse<String> send(Browser browser, String authorization) {
        return browser.post(ROTATION, authorization == null ? null : "Authorization", authorization);
    }

    private static Map<String, Object> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(Json.parse(response.body())).containsEntry("status", (long) status).containsEntry("instance", ROTATION);
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        }
    }

    private static List<String> kidsStored() {
        return jdbc().sql("SELECT kid FROM signing_keys").query(String.class).list();
    }

    private static JdbcClient jdbc() {
        return INSTANCES.getFirst().getBean(JdbcClient.class);
    }

    private static Browser browser(int instance) {
        return StandaloneIdentity.browser(INSTANCES.get(instance));
    }
}
