package org.emporium.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardDetailsTest {

    private static final YearMonth NOW = YearMonth.of(2026, 5);

    @Test
    void acceptsANumberGroupedBySpacesOrDashes() {
        CardDetails card = CardDetails.of(" 4242 4242-4242 4242 ", "12/30", "123", NOW);
        assertThat(card.number()).isEqualTo("4242424242424242");
        assertThat(card.expiry()).isEqualTo(YearMonth.of(2030, 12));
        assertThat(card.last4()).isEqualTo("4242");
        assertThat(card.brand()).isEqualTo("visa");
    }

    @Test
    void neverShowsTheNumberWhenPrinted() {
        CardDetails card = CardDetails.of("4242424242424242", "12/30", "123", NOW);
        assertThat(card.toString()).doesNotContain("4242424242424242").doesNotContain("123").contains("4242");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "42424242424", "42424242424242424242", "4242 4242 4242 4241", "4242x4242x4242x4242",
            "4242.4242.4242.4242", "abcd"})
    void refusesANumberThatCannotBeACard(String number) {
        assertThatThrownBy(() -> CardDetails.of(number, "12/30", "123", NOW))
                .isInstanceOfSatisfying(InvalidCard.class, e -> {
                    assertThat(e.field()).isEqualTo("cardNumber");
                    assertThat(e.getMessage()).doesNotContain("4242");
                });
    }

    @Test
    void refusesAMissingNumber() {
        assertThatThrownBy(() -> CardDetails.of(null, "12/30", "123", NOW))
                .isInstanceOfSatisfying(InvalidCard.class, e -> assertThat(e.field()).isEqualTo("cardNumber"));
    }

    @ParameterizedTest
    @CsvSource({"05/26,2026-05", "5/26,2026-05", "12/2030,2030-12", "01 / 31,2031-01"})
    void acceptsAnExpiryThisMonthOrLater(String expiry, String month) {
        assertThat(CardDetails.of("4242424242424242", expiry, "123", NOW).expiry()).isEqualTo(YearMonth.parse(month));
    }

    @ParameterizedTest
    @ValueSource(strings = {"04/26", "12/25", "13/30", "00/30", "1230", "12-30", "12/3", "ab/cd", "", "12/999"})
    void refusesAnExpiryMalformedOrPast(String expiry) {
        assertThatThrownBy(() -> CardDetails.of("4242424242424242", expiry, "123", NOW))
                .isInstanceOfSatisfying(InvalidCard.class, e -> assertThat(e.field()).isEqualTo("expiry"));
    }

    @Test
    void refusesAnExpiryFarInTheFuture() {
        assertThatThrownBy(() -> CardDetails.of("4242424242424242", "12/2099", "123", NOW))
                .isInstanceOfSatisfying(InvalidCard.class, e -> assertThat(e.field()).isEqualTo("expiry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "12345", "12a", "abc"})
    void refusesACvcThatIsNotThreeOrFourDigits(String cvc) {
        assertThatThrownBy(() -> CardDetails.of("4242424242424242", "12/30", cvc, NOW))
                .isInstanceOfSatisfying(InvalidCard.class, e -> assertThat(e.field()).isEqualTo("cvc"));
    }

    @Test
    void acceptsAFourDigitCvc() {
        assertThat(CardDetails.of("378282246310005", "12/30", "1234", NOW).cvc()).isEqualTo("1234");
    }
}
