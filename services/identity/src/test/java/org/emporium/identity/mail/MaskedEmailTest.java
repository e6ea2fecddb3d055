package org.emporium.identity.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedEmailTest {

    @Test
    void keepsTheFirstCharacterAndTheDomain() {
        assertThat(MaskedEmail.of("ada.lovelace@example.com")).isEqualTo("a***@example.com");
        assertThat(MaskedEmail.of("x@example.com")).isEqualTo("x***@example.com");
    }

    @Test
    void showsNothingOfWhatIsNotAnAddress() {
        assertThat(MaskedEmail.of("no-at-sign")).isEqualTo("***");
        assertThat(MaskedEmail.of("@example.com")).isEqualTo("***");
    }
}
