package org.emporium.payments.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;
import java.util.stream.IntStream;
import org.emporium.payments.domain.Authorization;
import org.emporium.payments.domain.CardDetails;
import org.emporium.payments.domain.CardToken;
import org.emporium.payments.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulatedPaymentProviderTest {

    private static final Money AMOUNT = Money.parse("25.00", "EUR");
    private final SimulatedPaymentProvider provider = new SimulatedPaymentProvider(Duration.ZERO, 0.0, Duration.ofMillis(20));

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4000000000000002", "4000000000000119", "4000000000003220",
            "5555555555554444", "378282246310005"})
    void theTokenNeverHoldsTheCardNumberOnlyItsLastFourDigits(String number) {
        CardToken token = tokenize(number);
        assertThat(token.token()).doesNotContain(number).matches("sim_[a-z]+_[0-9]{4}_[a-z]{20}");
        assertThat(token.token()).contains("_" + number.substring(number.length() - 4) + "_");
        assertThat(token.last4()).isEqualTo(number.substring(number.length() - 4));
        assertThat(org.emporium.payments.domain.CardNumbers.containsCardNumber(token.token())).isFalse();
    }

    @Test
    void tokensOfOneCardDiffer() {
        assertThat(tokenize("4242424242424242").token()).isNotEqualTo(tokenize("4242424242424242").token());
    }

    @Test
    void theApprovingCardIsAuthorizedWithACode() {
        assertThat(authorize("4242424242424242")).isInstanceOfSatisfying(Authorization.Approved.class,
                a -> assertThat(a.authorizationCode()).matches("SIM[0-9A-F]{6}"));
    }

    @Test
    void anyOtherValidNumberIsAuthorizedToo() {
        assertThat(authorize("5555555555554444")).isInstanceOf(Authorization.Approved.class);
        assertThat(authorize("378282246310005")).isInstanceOf(Authorization.Approved.class);
    }

    @Test
    void theDecliningCardIsDeclined() {
        assertThat(authorize("4000000000000002")).isEqualTo(new Authorization.Declined("card_declined", "the card was declined"));
    }

    @Test
    void theErrorCardFailsWithAProcessingError() {
        assertThat(authorize("4000000000000119")).isInstanceOfSatisfying(Authorization.Failed.class,
                f -> assertThat(f.code()).isEqualTo("processing_error"));
    }

    @Test
    void theSlowCardAnswersAfterTheDelayThenApproves() {
        long start = System.nanoTime();
        assertThat(authorize("4000000000003220")).isInstanceOf(Authorization.Approved.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void anUnknownTokenIsDeclined() {
        assertThat(provider.authorize(UUID.randomUUID(), AMOUNT, "tok_visa")).isInstanceOfSatisfying(
                Authorization.Declined.class, d -> assertThat(d.code()).isEqualTo("invalid_token"));
        assertThat(provider.authorize(UUID.randomUUID(), AMOUNT, "sim_bogus_4242_abc")).isInstanceOf(Authorization.Declined.class);
    }

    @Test
    void authorizingOnePaymentAgainAnswersTheSame() {
        String token = tokenize("4242424242424242").token();
        UUID id = UUID.randomUUID();
        assertThat(provider.authorize(id, AMOUNT, token)).isEqualTo(provider.authorize(id, AMOUNT, token));
    }

    @Test
    void theFailureRateFailsThatShareOfApprovalsAndTheSamePaymentAlwaysAlike() {
        SimulatedPaymentProvider flaky = new SimulatedPaymentProvider(Duration.ZERO, 0.3, Duration.ZERO);
        String token = tokenize("4242424242424242").token();
        long failed = IntStream.range(0, 2000).mapToObj(i -> UUID.randomUUID())
                .filter(id -> flaky.authorize(id, AMOUNT, token) instanceof Authorization.Failed).count();
        assertThat(failed).isBetween(450L, 750L);
        UUID id = UUID.randomUUID();
        assertThat(flaky.authorize(id, AMOUNT, token)).isEqualTo(flaky.authorize(id, AMOUNT, token));
        SimulatedPaymentProvider broken = new SimulatedPaymentProvider(Duration.ZERO, 1.0, Duration.ZERO);
        assertThat(broken.authorize(UUID.randomUUID(), AMOUNT, token)).isInstanceOf(Authorization.Failed.class);
        // a decline stays a decline: random failures strike approvals only
        assertThat(broken.authorize(UUID.randomUUID(), AMOUNT, tokenize("4000000000000002").token()))
                .isInstanceOf(Authorization.Declined.class);
    }

    @Test
    void faultsInjectedOnTheProviderFailOrDelayItsMoneyCallsButNotTokenizing() {
        var errors = new org.emporium.platform.faults.Faults(null, new org.emporium.platform.faults.Errors(503,
                new org.emporium.platform.faults.Share(100, "/", 0, SimulatedPaymentProvider.DOWNSTREAM)), java.util.Map.of());
        SimulatedPaymentProvider failing = new SimulatedPaymentProvider(Duration.ZERO, 0.0, Duration.ZERO, () -> errors);
        String token = failing.tokenize(CardDetails.of("4242424242424242", "12/40", "123", YearMonth.of(2026, 1))).token();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.authorize(UUID.randomUUID(), AMOUNT, token))
                .isInstanceOf(org.emporium.payments.domain.ProviderUnavailable.class).hasMessageContaining("503");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.capture(UUID.randomUUID(), AMOUNT))
                .isInstanceOf(org.emporium.payments.domain.ProviderUnavailable.class);

        var cut = new org.emporium.platform.faults.Faults(null, null, java.util.Map.of(SimulatedPaymentProvider.DOWNSTREAM, 0L));
        SimulatedPaymentProvider unreachable = new SimulatedPaymentProvider(Duration.ZERO, 0.0, Duration.ZERO, () -> cut);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> unreachable.voidAuthorization(UUID.randomUUID()))
                .isInstanceOf(org.emporium.payments.domain.ProviderUnavailable.class).hasMessageContaining("refused");

        var slow = new org.emporium.platform.faults.Faults(new org.emporium.platform.faults.Latency(300, 300,
                new org.emporium.platform.faults.Share(100, "/", 0, SimulatedPaymentProvider.DOWNSTREAM)), null, java.util.Map.of());
        SimulatedPaymentProvider slowProvider = new SimulatedPaymentProvider(Duration.ZERO, 0.0, Duration.ZERO, () -> slow);
        long start = System.nanoTime();
        assertThat(slowProvider.authorize(UUID.randomUUID(), AMOUNT, token)).isInstanceOf(Authorization.Approved.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        // a fault on the requests payments receives is not one on its calls to the provider
        var incoming = new org.emporium.platform.faults.Faults(null, new org.emporium.platform.faults.Errors(503,
                new org.emporium.platform.faults.Share(100, "/", 0)), java.util.Map.of());
        assertThat(new SimulatedPaymentProvider(Duration.ZERO, 0.0, Duration.ZERO, () -> incoming).authorize(UUID.randomUUID(), AMOUNT, token))
                .isInstanceOf(Authorization.Approved.class);
    }

    private CardToken tokenize(String number) {
        return provider.tokenize(CardDetails.of(number, "12/40", "123", YearMonth.of(2026, 1)));
    }

    private Authorization authorize(String number) {
        return provider.authorize(UUID.randomUUID(), AMOUNT, tokenize(number).token());
    }
}
