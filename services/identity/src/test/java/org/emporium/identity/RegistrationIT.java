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

    @Test
    void registersACustomerWithoutEverReturningTheHash() {
        String email = "New.Shopper-" + UUID.randomUUID() + "@Example.COM";
        var response = browser().postJson("/api/identity/accounts",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Ada Lovelace\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        Map<String, Object> body = Json.parse(response.body());
        assertThat(body).containsOnlyKeys("id", "email", "name", "roles");
        assertThat(body.get("email")).isEqualTo(email.toLowerCase());
        assertThat(body.get("name")).isEqualTo("Ada Lovelace");
        assertThat(body.get("roles")).isEqualTo(List.of("customer"));
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/api/identity/accounts/" + body.get("id"));

        String hash = jdbc.sql("SELECT password_hash FROM accounts WHERE id = :id")
                .param("id", UUID.fromString(body.get("id").toString())).query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
        assertThat(response.body()).doesNotContain("argon2").doesNotContain(PASSWORD);
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

    @Test
    void duplicateEmailInAnotherCaseIsAConflict() {
        String email = uniqueEmail();
        register(email, PASSWORD, "First");

        var again = browser().postJson("/api/identity/accounts",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Second\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(Json.parse(again.body())).containsEntry("type", "about:blank").containsEntry("status", 409L)
                .containsEntry("instance", "/api/identity/accounts");
    }

    @Test
    void scriptAndSqlInTheNameAreStoredVerbatimAndReturnedAsJson() {
        String name = "<script>alert(1)</script>'; DROP TABLE accounts; --";
        var response = browser().postJson("/api/identity/accounts", "{\"email\":\"" + uniqueEmail()
                + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + name.replace("\"", "\\\"") + "\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        Map<String, Object> body = Json.parse(response.body());
        assertThat(body.get("name")).isEqualTo(name);
        String stored = jdbc.sql("SELECT name FROM accounts WHERE id = :id")
                .param("id", UUID.fromString(body.get("id").toString())).query(String.class).single();
        assertThat(stored).isEqualTo(name);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts").query(Long.class).single()).isPositive();
    }

    @Test
    void unknownApiPathsAreProblemsNotLoginRedirects() {
        var response = browser().get("/api/identity/nothing-here", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }
}
