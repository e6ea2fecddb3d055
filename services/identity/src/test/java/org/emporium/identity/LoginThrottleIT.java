package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.Browser.location;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With the test's delays: 5 free failures, then 200 ms doubling to at most 1 s. */
class LoginThrottleIT extends RunningIdentityServer {

    private static final String PASSWORD = "the right passphrase";

    @Test
    void repeatedWrongPasswordsAreThrottledAndTheRightOneWorksAfterTheWait() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Target");
        Browser browser = browser();

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(location(browser.login(email, "wrong passphrase " + i)));
        }

        assertThat(outcomes.subList(0, 5)).allSatisfy(l -> assertThat(l).endsWith("/login?error"));
        assertThat(outcomes).anySatisfy(l -> assertThat(l).contains("/login?throttled="));
        // not necessarily the 20th: an attempt just after a wait ended is judged, and fails as wrong
        String last = outcomes.stream().filter(l -> l.contains("/login?throttled=")).reduce((a, b) -> b).orElseThrow();
        var page = browser.get(last);
        assertThat(page.body()).containsPattern("Too many attempts; try again in \\d+ seconds");

        // the right password is refused while the wait lasts (even the right one), then accepted
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        HttpResponse<String> attempt;
        do {
            attempt = browser.login(email, PASSWORD);
        } while (location(attempt).contains("throttled=") && Instant.now().isBefore(deadline) && pause());

        assertThat(location(attempt)).doesNotContain("throttled").doesNotContain("error");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherEmailIsNotAffected() {
        String victim = uniqueEmail();
        String other = uniqueEmail();
        register(victim, PASSWORD, "Victim");
        register(other, PASSWORD, "Other");
        Browser browser = browser();
        for (int i = 0; i < 8; i++) {
            browser.login(victim, "wrong passphrase " + i);
        }

        assertThat(location(browser().login(other, PASSWORD))).doesNotContain("throttled").doesNotContain("error");
    }

    /** A short pause between polls (the server's own wait is what the test measures). */
    private static boolean pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
