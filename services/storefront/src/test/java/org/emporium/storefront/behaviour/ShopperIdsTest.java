package org.emporium.storefront.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShopperIdsTest {

    @Test
    void newIdsAre22UrlSafeCharactersAndDontRepeat() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> ids.add(ShopperIds.newId()));

        assertThat(ids).hasSize(1000).allSatisfy(id -> {
            assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(ShopperIds.isValid(id)).isTrue();
        });
    }

    @Test
    void theContractsShapeIsChecked() {
        assertThat(ShopperIds.isValid("12345678")).isTrue();
        assertThat(ShopperIds.isValid("a".repeat(64))).isTrue();
        assertThat(ShopperIds.isValid("1234567")).isFalse();
        assertThat(ShopperIds.isValid("a".repeat(65))).isFalse();
        assertThat(ShopperIds.isValid("not/valid")).isFalse();
        assertThat(ShopperIds.isValid(null)).isFalse();
    }
}
