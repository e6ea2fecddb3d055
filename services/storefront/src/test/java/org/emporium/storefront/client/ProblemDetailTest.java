package org.emporium.storefront.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.emporium.storefront.client.cart.CartIds;
import org.junit.jupiter.api.Test;

class ProblemDetailTest {

    @Test
    void readsTheDetail() {
        assertThat(ProblemDetail.detailOf("{\"status\":422,\"detail\":\" Only 2 left \"}")).isEqualTo("Only 2 left");
    }

    @Test
    void noUsableDetailIsNull() {
        assertThat(ProblemDetail.detailOf("{\"status\":422}")).isNull();
        assertThat(ProblemDetail.detailOf("{\"detail\":42}")).isNull();
        assertThat(ProblemDetail.detailOf("not json")).isNull();
        assertThat(ProblemDetail.detailOf("")).isNull();
    }

    @Test
    void longDetailsAreCut() {
        assertThat(ProblemDetail.detailOf("{\"detail\":\"" + "x".repeat(1000) + "\"}")).hasSize(301);
    }

    @Test
    void cartIdsAreTokensOnly() {
        assertThat(CartIds.isValid("3f2b6c1e-0d4a-4c1b-9a51-1b2c3d4e5f60")).isTrue();
        assertThat(CartIds.isValid("../../admin")).isFalse();
        assertThat(CartIds.isValid("short")).isFalse();
        assertThat(CartIds.isValid(null)).isFalse();
    }
}
