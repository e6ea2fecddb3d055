package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.Browser.form;
import static org.emporium.identity.Browser.location;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PagesIT extends RunningIdentityServer {

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/signup"})
    void pagesSendTheSecurityHeaders(String path) {
        HttpResponse<String> page = browser().get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).doesNotContain("<script").doesNotContain("style=");
        assertThat(page.body()).contains("/css/identity.css");
    }

    @Test
    void sessionCookieIsHttpOnlyAndLax() {
        HttpResponse<String> page = browser().get("/login");
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("IDENTITY_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void signupWithoutCsrfTokenIsForbidden() {
        HttpResponse<String> response = browser().postForm("/signup",
                form("email", uniqueEmail(), "password", "a long enough passphrase", "name", "Mallory"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void signupCreatesTheAccountAndSendsToLogin() {
        Browser browser = browser();
        String email = uniqueEmail();

        HttpResponse<String> response = signup(browser, email, "<b>Bold</b>");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).endsWith("/login?registered");
        assertThat(browser.get(location(response)).body())
                .contains("Thanks. Check your email: it says what to do next, and you can sign in once you have an account.");
        assertThat(location(browser.login(email, "a long enough passphrase"))).doesNotContain("error");
        assertThat(TestMail.await(email, 1).getFirst().subject()).isEqualTo("Your Emporium account is ready");
    }

    /** The page no longer says "already has an account": the same redirect, and the mail tells. */
    @Test
    void signupWithAnExistingEmailLooksTheSame() {
        String email = uniqueEmail();
        HttpResponse<String> first = signup(browser(), email, "First");

        HttpResponse<String> again = signup(browser(), email, "Second");

        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(303);
        assertThat(location(again)).isEqualTo(location(first));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(TestMail.await(email, 2)).extracting(TestMail.Mail::subject)
                .contains("Someone tried to create an Emporium account with your address");
    }

    private static HttpResponse<String> signup(Browser browser, String email, String name) {
        String token = Browser.csrf(browser.get("/signup"));
        return browser.postForm("/signup",
                form("email", email, "password", "a long enough passphrase", "name", name, "_csrf", token));
    }

    @Test
    void signupErrorsAreShownEscaped() {
        Browser browser = browser();
        String token = Browser.csrf(browser.get("/signup"));

        HttpResponse<String> response = browser.postForm("/signup",
                form("email", "<script>x</script>", "password", "short", "name", "\"><script>alert(1)</script>",
                        "_csrf", token));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Email is not a valid email address")
                .contains("Password must be at least 12 characters")
                .doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void loginPageShowsBadCredentials() {
        Browser browser = browser();
        HttpResponse<String> failed = browser.login(uniqueEmail(), "not the password at all");
        assertThat(location(failed)).endsWith("/login?error");
        assertThat(browser.get(location(failed)).body()).contains("Invalid email or password");
    }

    @Test
    void healthProbesAnswer() {
        assertThat(browser().get("/actuator/health/readiness", "Accept", "application/json").statusCode()).isEqualTo(200);
        assertThat(browser().get("/actuator/health/liveness", "Accept", "application/json").statusCode()).isEqualTo(200);
        assertThat(browser().get("/actuator/prometheus", "Accept", "text/plain").body()).contains("jvm_memory_used_bytes");
    }
}
