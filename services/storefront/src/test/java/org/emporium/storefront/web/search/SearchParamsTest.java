package org.emporium.storefront.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.emporium.storefront.client.search.SearchQuery;
import org.junit.jupiter.api.Test;

class SearchParamsTest {

    @Test
    void missingParametersMeanTheDefaults() {
        SearchQuery query = SearchParams.parse(null, null, null, List.of(), List.of(), null, " ", null);
        assertThat(query).isEqualTo(new SearchQuery("", List.of(), List.of(), null, null, "relevance", 0, SearchParams.PAGE_SIZE));
    }

    @Test
    void equivalentSearchesAreTheSameQuery() {
        SearchQuery a = SearchParams.parse("  desk   lamp ", "0", "24", List.of("b", "a"), List.of("X", " X"), "25.00", "", "relevance");
        SearchQuery b = SearchParams.parse("desk lamp", null, null, List.of("a", "b", "a"), List.of("X"), "25", null, null);
        assertThat(a).isEqualTo(b);
        assertThat(a.minPrice()).isEqualByComparingTo(new BigDecimal("25"));
    }

    @Test
    void outOfRangeOrUnreadableValuesAreRejectedWithAReason() {
        assertRejected(() -> parse("a".repeat(257), null, null, null, null, null), "at most 256 characters");
        assertRejected(() -> parse("x", "-1", null, null, null, null), "page number");
        assertRejected(() -> parse("x", "two", null, null, null, null), "page number");
        assertRejected(() -> parse("x", null, "0", null, null, null), "from 1 to 100");
        assertRejected(() -> parse("x", null, "101", null, null, null), "from 1 to 100");
        assertRejected(() -> parse("x", null, null, "-5", null, null), "lowest price");
        assertRejected(() -> parse("x", null, null, null, "1e400000", null), "highest price");
        assertRejected(() -> parse("x", null, null, "1e-400000", null, null), "lowest price");
        assertRejected(() -> parse("x", null, null, "19.999", null, null), "lowest price");
        assertRejected(() -> parse("x", null, null, "50", "10", null), "can\u2019t be more than");
        assertRejected(() -> parse("x", null, null, null, null, "name"), "not by \u201cname\u201d");
        assertRejected(() -> SearchParams.parse("x", null, null, List.of("Not A Slug"), List.of(), null, null, null), "categories");
        assertRejected(() -> SearchParams.parse("x", null, null, List.of(), List.of("b".repeat(101)), null, null, null), "brand");
    }

    @Test
    void theLongestAllowedValuesAreAccepted() {
        SearchQuery query = parse("a".repeat(256), "10000", "100", "0", "0", "newest");
        assertThat(query.page()).isEqualTo(10_000);
        assertThat(query.size()).isEqualTo(100);
    }

    private static SearchQuery parse(String q, String page, String size, String min, String max, String sort) {
        return SearchParams.parse(q, page, size, List.of(), List.of(), min, max, sort);
    }

    private static void assertRejected(Runnable parse, String reason) {
        assertThatThrownBy(parse::run).isInstanceOf(BadSearchException.class).hasMessageContaining(reason);
    }
}
