package org.emporium.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emporium.harness.SystemHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two copies of identity over one database (issue 16): what one copy learns about an attacker, the
 * other knows. Its login throttle lets five wrong passwords for an email through, then makes each
 * further attempt wait; spread over both copies, the sixth attempt is refused by the copy that saw
 * only two of them.
 */
class IdentityCopiesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static SystemUnderTest system;

    @BeforeAll
    static void start() {
        system = SystemUnderTest.start("postgres", "identity");
        system.startCopy("identity", 2);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void twentyWrongPasswordsSpreadOverBothCopiesAreThrottledTogether() throws Exception {
        String email = "nobody-" + UUID.randomUUID() + "@example.com";
        List<Browser> copies = List.of(new Browser("identity"), new Browser("identity-2"));
        List<String> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 20; attempt++) {
            answers.add(copies.get(attempt % 2).signIn(email, "wrong-password-" + attempt));
        }
        System.out.println("sign-in answers, alternating copies: " + answers);
        // the free five are refused as wrong; the sixth goes to the second copy, which saw only two of
        // them: it makes the attacker wait because it counts the first copy's failures too
        assertThat(answers.subList(0, 5)).allSatisfy(a -> assertThat(a).contains("?error"));
        assertThat(answers.get(5)).startsWith("identity-2 ").contains("throttled=");
        // each wait (1 s, then twice as long) lets one attempt through to the password when it runs
        // out; alone, each copy would have let five of its ten through
        assertThat(answers.stream().filter(a -> a.contains("?error")).count()).as("attempts that reached the password check")
                .isLessThanOrEqualTo(7);
    }

    /** A browser at one copy: its own session cookie, since sign-in pages keep state in the copy's session. */
    private static final class Browser {
        private final String copy;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

        Browser(String copy) {
            this.copy = copy;
        }

        /** Posts the sign-in form; returns where identity sends the browser. */
        String signIn(String email, String password) throws IOException, InterruptedException {
            String base = "http://127.0.0.1:" + system.component(copy).port();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("sign-in page of %s", copy).isEqualTo(200);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("CSRF token in %s's sign-in page", copy).isTrue();
            String form = "username=" + SystemHarness.encode(email) + "&password=" + SystemHarness.encode(password)
                    + "&_csrf=" + SystemHarness.encode(csrf.group(1));
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).as("sign-in answer of %s", copy).isEqualTo(302);
            return copy + " -> " + answer.headers().firstValue("Location").orElse("");
        }
    }
}
