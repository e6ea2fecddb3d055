package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.identity.Browser.form;
import static org.emporium.identity.Browser.location;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PagesIT extends RunningIdentityServer {

    private static final String PASSWORD = "a long enough passphrase";
    /** The storefront's post-logout redirect URI by default: the shop's home page. */
    private static final String SHOP = "http://localhost:8080/";

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
                form("email", uniqueEmail(), "password", PASSWORD, "name", "Mallory"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    /** Without a saved request: signed in at once (a new session id), on identity's home page. */
    @Test
    void signupCreatesTheAccountAndSignsInAtOnce() {
        Browser browser = browser();
        String email = uniqueEmail();
        String sessionBefore = sessionCookie(browser.get("/signup")).orElseThrow();

        HttpResponse<String> response = signup(browser, email, PASSWORD, "<b>Bold</b>");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(location(response)).isEqualTo("/");
        assertThat(sessionCookie(response)).as("a new session id against fixation").get().isNotEqualTo(sessionBefore);
        HttpResponse<String> home = browser.get(location(response));
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("You are signed in").contains(">" + email + "<")
                .contains("id=\"back-to-shop\"");
        assertThat(TestMail.await(email, 1).getFirst().subject()).isEqualTo("Your Emporium account is ready");
        // and the password works on the login form too
        assertThat(location(browser().login(email, PASSWORD))).doesNotContain("error");
    }

    /** As the login does: the CSRF token of the page before the sign-in no longer works after it. */
    @Test
    void signingInAtSignupRenewsTheCsrfToken() {
        Browser browser = browser();
        String before = Browser.csrf(browser.get("/signup"));
        HttpResponse<String> signedIn = browser.postForm("/signup", form("email", uniqueEmail(), "password", PASSWORD,
                "name", "Token", "_csrf", before));
        assertThat(location(signedIn)).isEqualTo("/");

        assertThat(browser.postForm("/logout", form("_csrf", before)).statusCode()).isEqualTo(403);
        HttpResponse<String> signedOut = browser.postForm("/logout", form("_csrf", Browser.csrf(browser.get("/logout"))));
        assertThat(location(signedOut)).endsWith("/login?logout");
        assertThat(location(browser.get("/"))).as("signed out").endsWith("/login");
    }

    /**
     * An existing email with another password: the answer of issue 19 (the login page, the mail tells), not
     * signed in, and the wrong password counts as a failed sign-in.
     */
    @Test
    void signupWithAnExistingEmailAndAnotherPasswordSendsToLogin() {
        String email = uniqueEmail();
        assertThat(location(signup(browser(), email, PASSWORD, "First"))).isEqualTo("/");
        Browser other = browser();

        HttpResponse<String> again = signup(other, email.toUpperCase(java.util.Locale.ROOT), "another long passphrase", "Second");

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(location(again)).endsWith("/login?registered");
        assertThat(other.get(location(again)).body())
                .contains("Thanks. Check your email: it says what to do next, and you can sign in once you have an account.");
        HttpResponse<String> home = other.get("/");
        assertThat(home.statusCode()).as("not signed in").isEqualTo(302);
        assertThat(location(home)).endsWith("/login");
        assertThat(TestMail.await(email, 2)).extracting(TestMail.Mail::subject)
                .contains("Someone tried to create an Emporium account with your address");
        assertThat(jdbc.sql("SELECT failures FROM login_email_failures WHERE email_sha256 = sha256(convert_to(:email, 'UTF8'))")
                .param("email", email).query(Integer.class).single()).isEqualTo(1);
    }

    /** The owner who signs up again with the account's own password is signed in (the mail still tells). */
    @Test
    void signupWithAnExistingEmailAndItsPasswordSignsIn() {
        String email = uniqueEmail();
        register(email, PASSWORD, "Owner");
        Browser browser = browser();

        HttpResponse<String> again = signup(browser, email, PASSWORD, "Owner Again");

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(location(again)).isEqualTo("/");
        assertThat(browser.get("/").body()).contains("You are signed in").contains(">" + email + "<");
        assertThat(jdbc.sql("SELECT name FROM accounts WHERE email = :email").param("email", email)
                .query(String.class).single()).as("nothing changes").isEqualTo("Owner");
        assertThat(TestMail.await(email, 2)).extracting(TestMail.Mail::subject)
                .contains("Someone tried to create an Emporium account with your address");
    }

    /** The shop's header, its link back and a page that fits a phone, on every page. */
    @ParameterizedTest
    @ValueSource(strings = {"/login", "/signup", "/login?registered", "/", "/logout"})
    void everyPageLinksBackToTheShop(String path) {
        Browser browser = browser();
        signup(browser, uniqueEmail(), PASSWORD, "Looker");
        Browser page = path.startsWith("/login") || path.equals("/signup") ? browser() : browser;

        HttpResponse<String> response = page.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<a id=\"shop-home\" class=\"brand\" href=\"" + SHOP + "\">")
                .contains("<a id=\"back-to-shop\" class=\"header-link\" href=\"" + SHOP + "\">Back to the shop</a>");
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("IDENTITY_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst();
    }

    private static HttpResponse<String> signup(Browser browser, String email, String password, String name) {
        String token = Browser.csrf(browser.get("/signup"));
        return browser.postForm("/signup",
                form("email", email, "password", password, "name", name, "_csrf", token));
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
