package org.emporium.storefront.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SortOrderTest {

    @Test
    void knownParametersMapToTheirOrder() {
        assertThat(SortOrder.fromParam("name")).isEqualTo(SortOrder.NAME);
        assertThat(SortOrder.fromParam("price")).isEqualTo(SortOrder.PRICE_ASCENDING);
        assertThat(SortOrder.fromParam("-price")).isEqualTo(SortOrder.PRICE_DESCENDING);
        assertThat(SortOrder.fromParam("newest")).isEqualTo(SortOrder.NEWEST);
    }

    @Test
    void unknownOrMissingParametersFallBackToTheDefault() {
        assertThat(SortOrder.fromParam(null)).isEqualTo(SortOrder.DEFAULT);
        assertThat(SortOrder.fromParam("")).isEqualTo(SortOrder.DEFAULT);
        assertThat(SortOrder.fromParam("'; drop table")).isEqualTo(SortOrder.DEFAULT);
    }

    @Test
    void choicesMarkExactlyTheCurrentOrder() {
        assertThat(SortOrder.NEWEST.choices()).filteredOn(SortOrder.Choice::selected)
                .extracting(SortOrder.Choice::value).containsExactly("newest");
        assertThat(SortOrder.NEWEST.choices()).hasSize(SortOrder.values().length);
    }
}
