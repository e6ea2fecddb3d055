package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.Browser.form;
import static org.emporium.identity.Browser.location;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two copies of identity on one database, as when it is scaled out: what one counts or issues, the other
 * knows. The login wait starts at a minute here, so which attempts are refused does not depend on timing.
 */
class TwoInstancesIT {

    private static final String PASSWORD = "the right passphrase";
    private static final String STOREFRONT = "storefront:" + RunningIdentityServer.STOREFRONT_SECRET;

    private static final List<ConfigurableApplicationContext> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        Map<String, Object> settings = StandaloneIdentity.settings("identity_two");
        settings.put("emporium.identity.admin-password", "two-instances-admin-" + System.nanoTime());
        settings.put("emporium.identity.throttle.initial-delay", "1m");
        settings.put("emporium.identity.throttle.max-delay", "5m");
        settings.put("emporium.identity.throttle.ip-max-failures", "100000");
        // one after the other: concurrent first starts are not what this test is about
        INSTANCES.addAll(StandaloneIdentity.start(settings, 2));
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twentyWrongPasswordsSpreadOverBothInstancesAreThrottledTogether() {
        String email = RunningIdentityServer.uniqueEmail();
        RunningIdentityServer.register(browser(0), email, PASSWORD, "Target");
        List<Browser> browsers = List.of(browser(0), browser(1));

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(location(browsers.get(i % 2).login(email, "wrong passphrase " + i)));
        }

        // five free failures in all (three on one instance, two on the other), then every attempt on either waits
        assertThat(outcomes.subList(0, 5)).allSatisfy(l -> assertThat(l).endsWith("/login?error"));
        assertThat(outcomes.subList(5, 20)).allSatisfy(l -> assertThat(l).contains("/login?throttled="));
    }

    @Test
    void aRefreshOnOneInstanceIsAnsweredAlikeByTheOther() throws Exception {
        String token = RunningIdentityServer.storefrontSignIn(browser(0)).get("refresh_token").toString();

        // the same token on both instances at once, as two storefront instances would for one shopper
        CompletableFuture<HttpResponse<String>> onFirst = CompletableFuture.supplyAsync(() -> refresh(0, token));
        CompletableFuture<HttpResponse<String>> onSecond = CompletableFuture.supplyAsync(() -> refresh(1, token));
        Map<String, Object> first = ok(onFirst.join());
        Map<String, Object> second = ok(onSecond.join());

        assertThat(second.get("refresh_token")).isEqualTo(first.get("refresh_token")).isNotEqualTo(token);
        assertThat(second.get("access_token")).isEqualTo(first.get("access_token"));
        ok(refresh(1, first.get("refresh_token").toString()));
    }

    private static HttpResponse<String> refresh(int instance, String refreshToken) {
        return browser(instance).postForm("/oauth2/token",
                form("grant_type", "refresh_token", "refresh_token", refreshToken), STOREFRONT);
    }

    private static Map<String, Object> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static Browser browser(int instance) {
        return StandaloneIdentity.browser(INSTANCES.get(instance));
    }
}
