package org.emporium.inventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.emporium.catalog.seed.CatalogSeed;
import org.emporium.catalog.seed.SeedProduct;
import org.junit.jupiter.api.Test;

class StockSeederTest {

    private final List<String> skus = CatalogSeed.products().stream().map(SeedProduct::sku).toList();

    @Test
    void stocksEverySeededSkuTheSameWayEveryTime() {
        assertThat(StockSeeder.quantities(skus)).hasSize(skus.size()).isEqualTo(StockSeeder.quantities(skus));
    }

    @Test
    void someItemsAreScarceAndSomeOutOfStockOnPurpose() {
        Collection<Integer> quantities = StockSeeder.quantities(skus).values();
        long out = quantities.stream().filter(q -> q == 0).count();
        long scarce = quantities.stream().filter(q -> q >= 1 && q <= 3).count();
        assertThat((double) out / skus.size()).isBetween(0.03, 0.07);
        assertThat((double) scarce / skus.size()).isBetween(0.03, 0.07);
        assertThat(quantities).allMatch(q -> q >= 0 && q <= 100);
    }

    @Test
    void quantitiesFollowTheCatalogOrder() {
        Map<String, Integer> quantities = StockSeeder.quantities(skus);
        assertThat(quantities.keySet()).containsExactlyElementsOf(skus);
    }
}
