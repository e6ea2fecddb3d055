package org.emporium.storefront.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.emporium.storefront.web.layout.Pagination;
import org.junit.jupiter.api.Test;

class ListingTest {

    @Test
    void linksLeaveOutDefaultParameters() {
        Listing listing = new Listing("/c/audio", SortOrder.DEFAULT, new Pagination(1, 24, 100), List.of());
        assertThat(listing.previousHref()).isEqualTo("/c/audio");
        assertThat(listing.nextHref()).isEqualTo("/c/audio?page=2");
    }

    @Test
    void linksKeepTheChosenSort() {
        Listing listing = new Listing("/c/audio", SortOrder.PRICE_DESCENDING, new Pagination(0, 24, 100), List.of());
        assertThat(listing.previousHref()).isNull();
        assertThat(listing.nextHref()).isEqualTo("/c/audio?page=1&sort=-price");
        assertThat(listing.firstPageHref()).isEqualTo("/c/audio?sort=-price");
    }

    @Test
    void fromPastTheEndPreviousLeadsToTheLastPage() {
        Listing listing = new Listing("/c/audio", SortOrder.DEFAULT, new Pagination(40, 24, 100), List.of());
        assertThat(listing.previousHref()).isEqualTo("/c/audio?page=4");
        assertThat(listing.paged()).isTrue();
    }

    @Test
    void aSinglePageNeedsNoPagination() {
        assertThat(new Listing("/c/a", SortOrder.DEFAULT, new Pagination(0, 24, 3), List.of()).paged()).isFalse();
    }
}
