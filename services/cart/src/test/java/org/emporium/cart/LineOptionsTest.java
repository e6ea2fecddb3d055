package org.emporium.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emporium.cart.domain.CartLine;
import org.emporium.cart.domain.LineOptions;
import org.junit.jupiter.api.Test;

/** A line's options checked against what the catalog offers, and read from a URL. */
class LineOptionsTest {

    private static final Map<String, List<String>> TEE = Map.of("size", List.of("XS", "S", "M", "L", "XL"));

    @Test
    void exactlyTheOfferedOptionsWithAllowedValuesPass() {
        assertThat(LineOptions.check("TEE-1", Map.of("size", "M"), TEE)).isEmpty();
        assertThat(LineOptions.check("KIT-1", Map.of(), Map.of())).isEmpty();
        assertThat(LineOptions.check("KIT-1", null, null)).isEmpty();
    }

    @Test
    void aMissingChoiceNamesTheAllowedValues() {
        var invalid = LineOptions.check("TEE-1", Map.of(), TEE).orElseThrow();
        assertThat(invalid.field()).isEqualTo("options.size");
        assertThat(invalid.detail()).isEqualTo("Choose a size: XS, S, M, L, XL");
    }

    @Test
    void aWrongValueAnUnknownOptionOrOptionsForAProductWithoutAreRefused() {
        var wrong = LineOptions.check("TEE-1", Map.of("size", "XXXL"), TEE).orElseThrow();
        assertThat(wrong.field()).isEqualTo("options.size");
        assertThat(wrong.detail()).isEqualTo("No size 'XXXL' for TEE-1. Choose a size: XS, S, M, L, XL");
        var unknown = LineOptions.check("TEE-1", Map.of("size", "M", "colour", "red"), TEE).orElseThrow();
        assertThat(unknown.field()).isEqualTo("options.colour");
        assertThat(unknown.detail()).contains("no option 'colour'").contains("size");
        var none = LineOptions.check("KIT-1", Map.of("size", "M"), Map.of()).orElseThrow();
        assertThat(none.field()).isEqualTo("options");
        assertThat(none.detail()).isEqualTo("KIT-1 has no options to choose: send none");
        assertThat(LineOptions.check("TEE-1", Map.of("size", "m"), TEE)).as("values are exact").isPresent();
    }

    @Test
    void theQueryFormIsNameColonValueRepeatable() {
        assertThat(LineOptions.fromQuery(List.of("size:M"))).isEqualTo(Map.of("size", "M"));
        assertThat(LineOptions.fromQuery(List.of("size:M", "fit:slim:cut"))).isEqualTo(Map.of("size", "M", "fit", "slim:cut"));
        assertThat(LineOptions.fromQuery(List.of())).isEmpty();
        assertThat(LineOptions.fromQuery(null)).isEmpty();
        for (String bad : List.of("size", ":M", "size:", "")) {
            assertThatThrownBy(() -> LineOptions.fromQuery(List.of(bad))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> LineOptions.fromQuery(List.of("size:M", "size:L")))
                .hasMessageContaining("given twice");
    }

    @Test
    void aLineIsItsSkuAndOptionsWhateverTheirOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("size", "M");
        ab.put("fit", "slim");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("fit", "slim");
        ba.put("size", "M");
        assertThat(new CartLine("TEE-1", ab, 1)).isEqualTo(new CartLine("TEE-1", ba, 1));
        assertThat(new CartLine("TEE-1", ab, 1).is("TEE-1", ba)).isTrue();
        assertThat(new CartLine("TEE-1", Map.of("size", "M"), 1).is("TEE-1", Map.of("size", "L"))).isFalse();
        assertThat(new CartLine("KIT-1", 1).options()).isEmpty();
        assertThat(LineOptions.describe("TEE-1", ba)).isEqualTo("TEE-1 (fit slim, size M)");
        assertThat(LineOptions.describe("KIT-1", Map.of())).isEqualTo("KIT-1");
    }
}
