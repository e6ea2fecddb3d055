package org.emporium.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.emporium.cart.domain.CartRules;
import org.junit.jupiter.api.Test;

class CartRulesTest {

    @Test
    void quantitiesAreOneToNinetyNine() {
        assertThat(CartRules.validQuantity(0)).isFalse();
        assertThat(CartRules.validQuantity(1)).isTrue();
        assertThat(CartRules.validQuantity(99)).isTrue();
        assertThat(CartRules.validQuantity(100)).isFalse();
    }

    @Test
    void cartIdsAreCanonicalUuidsOnly() {
        UUID id = UUID.randomUUID();
        assertThat(CartRules.cartId(id.toString())).contains(id);
        assertThat(CartRules.cartId("0-0-0-0-0")).isEmpty();
        assertThat(CartRules.cartId(null)).isEmpty();
        assertThat(CartRules.cartId("x" + id)).isEmpty();
    }

    @Test
    void skusAreUpperCaseLettersDigitsAndDashes() {
        assertThat(CartRules.validSku("AUD-000001")).isTrue();
        assertThat(CartRules.validSku("aud-000001")).isFalse();
        assertThat(CartRules.validSku("AB")).isFalse();
        assertThat(CartRules.validSku("-AB")).isFalse();
    }

    @Test
    void aMergedLineIsTheSumCappedAt99AndAtTheStockButNeverLessThanItHeld() {
        assertThat(CartRules.mergedQuantity(3, 2, -1)).isEqualTo(5);   // stock unknown: unchecked
        assertThat(CartRules.mergedQuantity(90, 20, -1)).isEqualTo(99);
        assertThat(CartRules.mergedQuantity(90, 20, 500)).isEqualTo(99);
        assertThat(CartRules.mergedQuantity(3, 3, 4)).isEqualTo(4);
        assertThat(CartRules.mergedQuantity(5, 3, 2)).isEqualTo(5);     // already above the stock: kept
        assertThat(CartRules.mergedQuantity(0, 3, 0)).isEqualTo(0);     // out of stock: nothing to add
    }
}
