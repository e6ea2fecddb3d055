package org.emporium.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalisesToLowerCaseAndStrips() {
        assertThat(EmailAddress.normalise("  Ada.Lovelace+Shop@Example.COM ")).hasValue("ada.lovelace+shop@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a@@b.com", "a b@c.com", "a@b..com", ".a@b.com", "a.@b.com",
            "a..b@c.com", "a@-b.com", "<script>@x.com", "a\n@b.com"})
    void refusesInvalidSyntax(String email) {
        assertThat(EmailAddress.normalise(email)).isEmpty();
    }
}
