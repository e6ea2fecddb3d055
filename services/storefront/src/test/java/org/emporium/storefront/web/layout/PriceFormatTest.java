package org.emporium.storefront.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import org.emporium.storefront.client.Money;
import org.junit.jupiter.api.Test;

class PriceFormatTest {

    @Test
    void dollarsGetTheSymbolAndTwoDecimals() {
        assertThat(PriceFormat.format("19.99", "USD")).isEqualTo("$19.99");
        assertThat(PriceFormat.format("5", "USD")).isEqualTo("$5.00");
        assertThat(PriceFormat.format("0.1", "USD")).isEqualTo("$0.10");
    }

    @Test
    void thousandsAreGrouped() {
        assertThat(PriceFormat.format("1299.5", "USD")).isEqualTo("$1,299.50");
        assertThat(PriceFormat.format("1000000", "USD")).isEqualTo("$1,000,000.00");
        assertThat(PriceFormat.format("999", "USD")).isEqualTo("$999.00");
    }

    @Test
    void amountsAreExactEvenWhereADoubleWouldNotBe() {
        assertThat(PriceFormat.format("12345678901234567.89", "USD")).isEqualTo("$12,345,678,901,234,567.89");
        assertThat(PriceFormat.format("0.29", "USD")).isEqualTo("$0.29");
    }

    @Test
    void extraDecimalsRoundHalfEven() {
        assertThat(PriceFormat.format("19.995", "USD")).isEqualTo("$20.00");
        assertThat(PriceFormat.format("19.985", "USD")).isEqualTo("$19.98");
    }

    @Test
    void otherCurrenciesUseTheirSymbolAndDecimals() {
        assertThat(PriceFormat.format("19.99", "EUR")).isEqualTo("\u20ac19.99");
        assertThat(PriceFormat.format("1500", "JPY")).isEqualTo("\u00a51,500");
        assertThat(PriceFormat.format("10", "CHF")).isEqualTo("CHF\u00a010.00");
    }

    @Test
    void negativeAmountsPutTheSignFirst() {
        assertThat(PriceFormat.format("-5.5", "USD")).isEqualTo("-$5.50");
    }

    @Test
    void unreadableInputIsShownRawRatherThanDropped() {
        assertThat(PriceFormat.format("12.50", "XXQ")).isEqualTo("12.50 XXQ");
        assertThat(PriceFormat.format("about ten", "USD")).isEqualTo("about ten USD");
        assertThat(PriceFormat.format((Money) null)).isEmpty();
        assertThat(PriceFormat.format(new Money(null, "USD"))).isEmpty();
    }
}
