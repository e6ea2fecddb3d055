package org.emporium.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationIT extends RunningIdentityServer {

    private static final String PASSWORD = "correct horse battery";

    /** The one answer to every valid sign-up, new email or not. */
    private static final Map<String, Object> ACCEPTED = Map.of("status", "accepted", "detail", "check your email");

    @Test
    void registersACustomerAndMailsAWelcomeWithoutEverReturningTheHash() {
        String email = "New.Shopper-" + UUID.randomUUID() + "@Example.COM";
        var response = browser().postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Ada Lovelace\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(Json.parse(response.body())).isEqualTo(ACCEPTED);

        Map<String, Object> stored = jdbc.sql("SELECT name, roles, password_hash FROM accounts WHERE email = :email")
                .param("email", email.toLowerCase()).query().singleRow();
        assertThat(stored).containsEntry("name", "Ada Lovelace").containsEntry("roles", "customer");
        assertThat(stored.get("password_hash").toString()).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
        assertThat(response.body()).doesNotContain("argon2").doesNotContain(PASSWORD);

        TestMail.Mail welcome = TestMail.await(email.toLowerCase(), 1).getFirst();
        assertThat(welcome.from()).isEqualTo("no-reply@emporium.local");
        assertThat(welcome.subject()).isEqualTo("Your Emporium account is ready");
        assertThat(welcome.body()).contains("your Emporium account is ready").contains(ISSUER + "/login")
                .doesNotContain(PASSWORD).doesNotContain("Ada");
    }

    /**
     * An email that already has an account (here in another case) gets the very same answer as a new one,
     * so the answer tells no one which emails have accounts; the mail to the address says what happened.
     */
    @Test
    void anExistingEmailGetsTheSameAnswerAndAMailSayingSomeoneTried() {
        String email = uniqueEmail();
        var first = browser().postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"First\"}");
        TestMail.await(email, 1);

        var again = browser().postJson("/api/identity/accounts", "{\"email\":\"" + email.toUpperCase()
                + "\",\"password\":\"another long passphrase\",\"name\":\"Second\"}");

        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(jdbc.sql("SELECT name FROM accounts WHERE lower(email) = :email").param("email", email)
                .query(String.class).list()).containsExactly("First");

        List<TestMail.Mail> mails = TestMail.await(email, 2);
        assertThat(mails).extracting(TestMail.Mail::subject).containsExactly("Your Emporium account is ready",
                "Someone tried to create an Emporium account with your address");
        assertThat(mails.get(1).body()).contains("someone (maybe you) tried to create an Emporium account")
                .contains("If it was you, sign in at " + ISSUER + "/login").contains("you can ignore this email")
                .doesNotContain("another long passphrase").doesNotContain("Second");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "email    | ''                       | correct horse battery | Ada",
            "email    | not-an-email             | correct horse battery | Ada",
            "email    | a@b                      | correct horse battery | Ada",
            "email    | two@@example.com         | correct horse battery | Ada",
            "password | ok-{id}@example.com      | short                 | Ada",
            "password | ok-{id}@example.com      | ''                    | Ada",
            "password | ok-{id}@example.com      | password1234          | Ada",
            "password | same-as-email@example.com | same-as-email@example.com | Ada",
            "name     | ok-{id}@example.com      | correct horse battery | ''",
            "name     | ok-{id}@example.com      | correct horse battery | '   '",
    })
    void refusesEachInvalidFieldNamingIt(String field, String email, String password, String name) {
        email = email.replace("{id}", UUID.randomUUID().toString());
        var response = browser().postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + name + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        Map<String, Object> problem = Json.parse(response.body());
        assertThat(problem).containsEntry("type", "about:blank").containsEntry("status", 400L).containsEntry("title", "Invalid request");
        assertThat(problem.get("detail").toString()).startsWith(field + ":");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactly(field);
    }

    @Test
    void tooLongPasswordAndNameAreRefused() {
        var response = browser().postJson("/api/identity/accounts", "{\"email\":\"" + uniqueEmail()
                + "\",\"password\":\"" + "x".repeat(129) + "\",\"name\":\"" + "n".repeat(201) + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"password\"").contains("\"field\":\"name\"");
    }

    @Test
    void missingFieldsAndBrokenJsonAreProblemsNotErrors() {
        var missing = browser().postJson("/api/identity/accounts", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"field\":\"email\"").contains("\"field\":\"password\"").contains("\"field\":\"name\"");

        var broken = browser().postJson("/api/identity/accounts", "{\"email\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at org.");

        var wrongType = browser().postForm("/api/identity/accounts", Browser.form("email", "x"));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(Json.parse(wrongType.body())).containsEntry("type", "about:blank").containsEntry("status", 415L);
    }

    /** A key given twice was taken silently, a number turned into text (issue 19). */
    @Test
    void aKeyGivenTwiceOrANumberForTextIsA400AndNothingIsStored() {
        String email = uniqueEmail();
        var twice = browser().postJson("/api/identity/accounts", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"name\":\"Ada\",\"email\":\"" + uniqueEmail() + "\"}");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");

        var number = browser().postJson("/api/identity/accounts", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"name\":12345}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(number.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM accounts WHERE email = :email").param("email", email)
                .query(Long.class).single()).isZero();
    }

    /** A parameter Tomcat cannot decode, or one holding a NUL, was a 500 (the NUL reached Postgres). */
    @Test
    void unreadableOrNulParametersAreA400NeverA500() throws Exception {
        for (String target : List.of("/login?error=%G1%", "/oauth2/authorize?client_id=%00&response_type=code",
                "/login?error=a%00b")) {
            String raw = rawGet(target);
            assertThat(raw).as(target).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .doesNotContain("Exception");
        }
        var token = browser().postForm("/oauth2/token", Browser.form("grant_type", "authorization_code", "code", "a\u0000b"));
        assertThat(token.statusCode()).isEqualTo(400);
        var page = browser().get("/login?error=a%00b", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("could not be read");
    }

    private String rawGet(String target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void scriptAndSqlInTheNameAreStoredVerbatim() {
        String email = uniqueEmail();
        String name = "<script>alert(1)</script>'; DROP TABLE accounts; --";
        var response = browser().postJson("/api/identity/accounts", "{\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + name.replace("\"", "\\\"") + "\"}");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String stored = jdbc.sql("SELECT name FROM accounts WHERE email = :email").param("email", email)
                .query(String.class).single();
        assertThat(stored).isEqualTo(name);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isPositive();
    }

    @Test
    void unknownApiPathsAreProblemsNotLoginRedirects() {
        var response = browser().get("/api/identity/nothing-here", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    /** Targets Tomcat cannot decode, refused before any filter: a problem, or a short page for a browser, not Tomcat's. */
    @Test
    void aRequestTargetThatIsNoUriIsAProblem() throws java.io.IOException {
        for (String target : java.util.List.of("/%zz", "/login%2", "/api/identity/accounts/%G1")) {
            String answer = rawGet(target, "application/json");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).as(answer).contains("content-type: application/problem+json")
                    .doesNotContain("tomcat");
            assertThat(answer).as(answer).contains("\"status\":400").contains("not a valid URI");
        }
        String page = rawGet("/%zz", "text/html");
        assertThat(page).startsWith("HTTP/1.1 400").contains("<h1>Bad request</h1>").doesNotContain("Tomcat");
    }

    private String rawGet(String target, String accept) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
