package org.emporium.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.withEmbeddedList();

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThat(policy.check("violet tractor umbrella", "a@example.com")).isEmpty();
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertThat(policy.check("ééééééééééé", "a@example.com")).hasValue("must be at least 12 characters");
        assertThat(policy.check("éééééééééééé", "a@example.com")).isEmpty();
        assertThat(policy.check("x".repeat(128), "a@example.com")).isEmpty();
        assertThat(policy.check("x".repeat(129), "a@example.com")).hasValue("must be at most 128 characters");
    }

    @Test
    void refusesTheEmailAndCommonPasswordsInAnyCase() {
        assertThat(policy.check("Someone@Example.com", "someone@example.com")).hasValue("must not be the email address");
        assertThat(policy.check("PASSWORD1234", "a@example.com")).hasValue("is too common; choose another");
        assertThat(policy.check("qwertyuiop123", "a@example.com")).hasValue("is too common; choose another");
    }

    @Test
    void theEmbeddedListHasAboutAHundredEntries() throws Exception {
        try (var in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            long entries = new String(in.readAllBytes()).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            assertThat(entries).isBetween(90L, 200L);
        }
    }
}
