package org.emporium.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4000000000000002", "4000000000000119", "4000000000003220",
            "5555555555554444", "2223003122003222", "378282246310005", "6011111111111117", "79927398713"})
    void theTestCardsPassTheLuhnCheck(String number) {
        assertThat(CardNumbers.luhn(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424241", "4000000000000001", "79927398710000"})
    void aWrongCheckDigitFailsIt(String number) {
        assertThat(CardNumbers.luhn(number)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"4242424242424242,visa", "5105105105105100,mastercard", "5555555555554444,mastercard",
            "2221000000000009,mastercard", "2720990000000007,mastercard", "2721000000000004,card",
            "5600000000000003,card", "378282246310005,amex", "341111111111111,amex", "6011111111111117,card"})
    void tellsTheBrandFromTheNumber(String number, String brand) {
        assertThat(CardNumbers.brand(number)).isEqualTo(brand);
    }

    @Test
    void digitsDropSpacesAndDashesButNothingElse() {
        assertThat(CardNumbers.digits("4242 4242-4242 4242")).isEqualTo("4242424242424242");
        assertThat(CardNumbers.digits("4242/4242")).isNull();
        assertThat(CardNumbers.last4("4242424242424242")).isEqualTo("4242");
    }

    @Test
    void findsACardNumberHiddenInText() {
        assertThat(CardNumbers.containsCardNumber("tok 4242 4242 4242 4242 x")).isTrue();
        assertThat(CardNumbers.containsCardNumber("x4000000000000002")).isTrue();
        assertThat(CardNumbers.containsCardNumber("sim_ok_4242_abcdefghijklmnopqrst")).isFalse();
        assertThat(CardNumbers.containsCardNumber("2026-05-01T12:00:00Z")).isFalse();
        assertThat(CardNumbers.containsCardNumber(null)).isFalse();
    }
}
