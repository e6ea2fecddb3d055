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
}
