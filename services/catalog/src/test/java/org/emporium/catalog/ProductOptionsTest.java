package org.emporium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductOptionsTest {

    @Test
    void eachRangeOfTheSeedIsReadOnTheSizeScale() {
        assertThat(ProductOptions.of(Map.of("sizes", "S-XL"))).isEqualTo(Map.of("size", List.of("S", "M", "L", "XL")));
        assertThat(ProductOptions.of(Map.of("sizes", "XS-XL")))
                .isEqualTo(Map.of("size", List.of("XS", "S", "M", "L", "XL")));
        assertThat(ProductOptions.of(Map.of("sizes", "XS-XXL")))
                .isEqualTo(Map.of("size", List.of("XS", "S", "M", "L", "XL", "XXL")));
        assertThat(ProductOptions.of(Map.of("sizes", "XS-3XL")))
                .isEqualTo(Map.of("size", List.of("XS", "S", "M", "L", "XL", "XXL", "3XL")));
        assertThat(ProductOptions.of(Map.of("sizes", "S-3XL")))
                .isEqualTo(Map.of("size", List.of("S", "M", "L", "XL", "XXL", "3XL")));
        assertThat(ProductOptions.of(Map.of("sizes", " m - l ", "material", "cotton")))
                .isEqualTo(Map.of("size", List.of("M", "L")));
    }

    @Test
    void aCommaListKeepsItsOrderAndOneValueIsAListOfOne() {
        assertThat(ProductOptions.of(Map.of("sizes", "S,M,L"))).isEqualTo(Map.of("size", List.of("S", "M", "L")));
        assertThat(ProductOptions.of(Map.of("sizes", "L, S ,,S")).get("size")).containsExactly("L", "S");
        assertThat(ProductOptions.of(Map.of("sizes", "One size"))).isEqualTo(Map.of("size", List.of("One size")));
    }

    @Test
    void whatIsNoRangeOnTheScaleIsReadAsAList() {
        assertThat(ProductOptions.of(Map.of("sizes", "XL-S"))).isEqualTo(Map.of("size", List.of("XL-S")));
        assertThat(ProductOptions.of(Map.of("sizes", "28-34"))).isEqualTo(Map.of("size", List.of("28-34")));
    }

    @Test
    void noSizesNoOptions() {
        assertThat(ProductOptions.of(Map.of("color", "red"))).isEmpty();
        assertThat(ProductOptions.of(Map.of())).isEmpty();
        assertThat(ProductOptions.of(null)).isEmpty();
        assertThat(ProductOptions.of(Map.of("sizes", " , "))).isEmpty();
    }
}
