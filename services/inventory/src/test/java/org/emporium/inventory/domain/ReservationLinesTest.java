package org.emporium.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationLinesTest {

    @Test
    void sortsLinesBySkuSoRowsAreLockedInOneOrder() {
        assertThat(ReservationLines.normalize(List.of(new ReservationLine("BBB-2", 1), new ReservationLine("AAA-1", 2))))
                .containsExactly(new ReservationLine("AAA-1", 2), new ReservationLine("BBB-2", 1));
    }

    @Test
    void refusesWhatNoStockCouldSatisfy() {
        assertThatThrownBy(() -> ReservationLines.normalize(List.of())).hasMessageContaining("at least one");
        assertThatThrownBy(() -> ReservationLines.normalize(List.of(new ReservationLine("AAA-1", 0))))
                .isInstanceOf(InvalidReservation.class).extracting("field").isEqualTo("lines[0].quantity");
        assertThatThrownBy(() -> ReservationLines.normalize(List.of(new ReservationLine("AAA-1", 100))))
                .hasMessageContaining("between 1 and 99");
        assertThatThrownBy(() -> ReservationLines.normalize(List.of(new ReservationLine("bad sku", 1))))
                .extracting("field").isEqualTo("lines[0].sku");
        assertThatThrownBy(() -> ReservationLines.normalize(List.of(new ReservationLine("AAA-1", 1),
                new ReservationLine("AAA-1", 2)))).hasMessageContaining("more than one line");
        List<ReservationLine> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new ReservationLine("SKU-" + i, 1));
        }
        assertThatThrownBy(() -> ReservationLines.normalize(many)).hasMessageContaining("at most 50");
    }

    @Test
    void namesEveryShortLineAndUnknownSku() {
        List<ReservationLine> lines = List.of(new ReservationLine("AAA-1", 2), new ReservationLine("BBB-2", 3),
                new ReservationLine("CCC-3", 1));
        Map<String, StockLevel> stock = Map.of("AAA-1", new StockLevel("AAA-1", 5, 3, 1),
                "BBB-2", new StockLevel("BBB-2", 3, 0, 1));
        assertThat(Shortage.of(lines, stock)).containsExactly(
                new Shortage("CCC-3", 1, 0, Shortage.Reason.UNKNOWN_SKU));
        assertThat(Shortage.of(List.of(new ReservationLine("AAA-1", 3)), stock)).containsExactly(
                new Shortage("AAA-1", 3, 2, Shortage.Reason.INSUFFICIENT_STOCK));
    }

    @Test
    void onlyALiveReservationCanBeCommittedAndCommittedStockCannotBeReleased() {
        assertThat(ReservationStatus.RESERVED.onCommit()).isEqualTo(ReservationStatus.Transition.APPLY);
        assertThat(ReservationStatus.COMMITTED.onCommit()).isEqualTo(ReservationStatus.Transition.ALREADY_DONE);
        assertThat(ReservationStatus.EXPIRED.onCommit()).isEqualTo(ReservationStatus.Transition.REFUSE);
        assertThat(ReservationStatus.RESERVED.onRelease()).isEqualTo(ReservationStatus.Transition.APPLY);
        assertThat(ReservationStatus.EXPIRED.onRelease()).isEqualTo(ReservationStatus.Transition.ALREADY_DONE);
        assertThat(ReservationStatus.COMMITTED.onRelease()).isEqualTo(ReservationStatus.Transition.REFUSE);
    }
}
