package org.emporium.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InitialStockTest {

    // shaped like the seeded catalog's: a prefix per category, numbered within it
    private final List<String> skus = List.of("LAP", "PHN", "AUD", "CAM", "KAP", "CKW", "FUR", "OUT", "RUN", "APP",
                    "BOK", "COF").stream()
            .flatMap(prefix -> IntStream.rangeClosed(1, 200).mapToObj(i -> "%s-%06d".formatted(prefix, i)))
            .toList();

    @Test
    void stocksEverySkuTheSameWayEveryTime() {
        assertThat(InitialStock.quantities(skus)).hasSize(skus.size()).isEqualTo(InitialStock.quantities(skus));
    }

    @Test
    void someItemsAreScarceAndSomeOutOfStockOnPurpose() {
        Collection<Integer> quantities = InitialStock.quantities(skus).values();
        long out = quantities.stream().filter(q -> q == 0).count();
        long scarce = quantities.stream().filter(q -> q >= 1 && q <= 3).count();
        assertThat((double) out / skus.size()).isBetween(0.03, 0.07);
        assertThat((double) scarce / skus.size()).isBetween(0.03, 0.07);
        assertThat(quantities).allMatch(q -> q >= 0 && q <= 100);
    }

    @Test
    void quantitiesFollowTheGivenOrder() {
        Map<String, Integer> quantities = InitialStock.quantities(skus);
        assertThat(quantities.keySet()).containsExactlyElementsOf(skus);
    }

    @Test
    void aSkusQuantityDependsOnTheSkuAloneNotOnTheOrderProductsArriveIn() {
        // products reach inventory from three partitions, in no fixed order
        Map<String, Integer> inOrder = InitialStock.quantities(skus);
        Map<String, Integer> reversed = InitialStock.quantities(skus.reversed());
        assertThat(reversed).isEqualTo(inOrder);
        assertThat(InitialStock.quantity("DEMO-1")).isEqualTo(InitialStock.quantities(List.of("DEMO-1")).get("DEMO-1"))
                .as("the e2e journey buys DEMO-1").isPositive();
    }
}
