package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.Browser.form;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens rotate, and the token just replaced gets the same answer again for the grace period
 * (several storefront instances refreshing one shopper's session at once). The grace period is made to
 * have passed by ageing the recorded rotation, not by waiting.
 */
class IdempotentRefreshIT extends RunningIdentityServer {

    private static final String STOREFRONT = "storefront:" + STOREFRONT_SECRET;

    @Test
    void aJustRotatedTokenGetsTheSameTokensAgainAndOnlyTheImmediatePredecessorDoes() throws Exception {
        String first = storefrontSignIn().get("refresh_token").toString();

        Map<String, Object> rotated = ok(refresh(first, STOREFRONT));
        Map<String, Object> again = ok(refresh(first, STOREFRONT));

        assertThat(rotated.get("refresh_token")).isNotEqualTo(first);
        assertThat(again.get("refresh_token")).isEqualTo(rotated.get("refresh_token"));
        assertThat(again.get("access_token")).isEqualTo(rotated.get("access_token"));
        assertThat(again.get("id_token")).isEqualTo(rotated.get("id_token"));
        assertThat((Long) again.get("expires_in")).isBetween(280L, (Long) rotated.get("expires_in"));

        Map<String, Object> next = ok(refresh(rotated.get("refresh_token").toString(), STOREFRONT));
        assertThat(next.get("refresh_token")).isNotEqualTo(rotated.get("refresh_token"));
        assertThat(next.get("access_token")).isNotEqualTo(rotated.get("access_token"));
        assertRefused(refresh(first, STOREFRONT));
    }

    @Test
    void parallelRefreshesWithOneTokenAllGetTheSameTokensAndTheyWork() throws Exception {
        String token = storefrontSignIn().get("refresh_token").toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return refresh(token, STOREFRONT);
                }));
            }
            start.countDown();
            List<Object> refreshTokens = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                refreshTokens.add(ok(answer.get(30, TimeUnit.SECONDS)).get("refresh_token"));
            }

            assertThat(refreshTokens).doesNotContain(token).containsOnly(refreshTokens.getFirst());
            ok(refresh(refreshTokens.getFirst().toString(), STOREFRONT));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void afterTheGracePeriodTheOldTokenIsRefusedAndTheNewOneStillWorks() throws Exception {
        String first = storefrontSignIn().get("refresh_token").toString();
        Map<String, Object> rotated = ok(refresh(first, STOREFRONT));

        jdbc.sql("UPDATE refresh_token_rotations SET rotated_at = rotated_at - interval '1 hour'").update();

        assertRefused(refresh(first, STOREFRONT));
        // Spring Authorization Server refuses the old token and revokes nothing: the session lives on
        ok(refresh(rotated.get("refresh_token").toString(), STOREFRONT));
    }

    @Test
    void noReplayAfterTheNewTokenIsRevoked() throws Exception {
        String first = storefrontSignIn().get("refresh_token").toString();
        Map<String, Object> rotated = ok(refresh(first, STOREFRONT));

        var revoked = browser().postForm("/oauth2/revoke", form("token", rotated.get("refresh_token").toString(),
                "token_type_hint", "refresh_token"), STOREFRONT);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        assertRefused(refresh(first, STOREFRONT));
    }

    @Test
    void noReplayForAnotherClient() throws Exception {
        String first = storefrontSignIn().get("refresh_token").toString();
        ok(refresh(first, STOREFRONT));

        var other = refresh(first, "emporium-services:" + SERVICES_SECRET);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(400);
        assertThat(other.body()).doesNotContain("access_token");
    }

    private HttpResponse<String> refresh(String refreshToken, String client) {
        return browser().postForm("/oauth2/token", form("grant_type", "refresh_token", "refresh_token", refreshToken),
                client);
    }

    private static Map<String, Object> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Json.parse(response.body())).containsEntry("error", "invalid_grant");
    }
}
