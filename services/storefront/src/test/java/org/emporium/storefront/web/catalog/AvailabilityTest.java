package org.emporium.storefront.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    @Test
    void plentyIsInStock() {
        assertThat(Availability.of(Optional.of(6))).isEqualTo(new Availability("In stock", "in", false));
    }

    @Test
    void fiveOrFewerSaysHowMany() {
        assertThat(Availability.of(Optional.of(5)).label()).isEqualTo("Only 5 left");
        assertThat(Availability.of(Optional.of(1)).label()).isEqualTo("Only 1 left");
        assertThat(Availability.of(Optional.of(3)).soldOut()).isFalse();
    }

    @Test
    void noneIsOutOfStockAndDisablesTheButton() {
        assertThat(Availability.of(Optional.of(0))).isEqualTo(new Availability("Out of stock", "out", true));
        assertThat(Availability.of(Optional.of(-2)).soldOut()).isTrue();
    }

    @Test
    void unknownSaysNothingAndKeepsTheButton() {
        Availability unknown = Availability.of(Optional.empty());
        assertThat(unknown.known()).isFalse();
        assertThat(unknown.soldOut()).isFalse();
    }
}
