package org.emporium.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.List;
import org.emporium.platform.defaults.ProblemException;
import org.emporium.search.index.SearchRequest;
import org.emporium.search.index.SearchSort;
import org.junit.jupiter.api.Test;

class SearchParametersTest {

    @Test
    void defaultsAndRepeatedFilters() {
        SearchRequest request = SearchParameters.search(params("category", "audio", "category", "books", "brand", "Sonder",
                "minPrice", "10", "maxPrice", "10", "sort", "-price", "q", "  head  "));
        assertThat(request.text()).isEqualTo("head");
        assertThat(request.categories()).containsExactly("audio", "books");
        assertThat(request.brands()).containsExactly("Sonder");
        assertThat(request.minPrice()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(request.sort()).isEqualTo(SearchSort.PRICE_DESCENDING);
        assertThat(request.page()).isZero();
        assertThat(request.size()).isEqualTo(20);
        assertThat(SearchParameters.search(params("page", "100", "size", "100")).page()).isEqualTo(100);
        assertThat(request.inStock()).isFalse();
    }

    @Test
    void inStockIsTrueOrFalse() {
        assertThat(SearchParameters.search(params("inStock", "true")).inStock()).isTrue();
        assertThat(SearchParameters.search(params("inStock", " TRUE ")).inStock()).isTrue();
        assertThat(SearchParameters.search(params("inStock", "false")).inStock()).isFalse();
        assertThat(SearchParameters.search(params("inStock", "")).inStock()).isFalse();
    }

    @Test
    void refusesBadInputNamingTheParameter() {
        bad("q", "q", "x".repeat(257));
        bad("q", "q", "nul\u0000byte");
        bad("size", "size", "0");
        bad("size", "size", "101");
        bad("size", "size", "ten");
        bad("page", "page", "-1");
        bad("page", "page", "101", "size", "100");
        bad("page", "page", "1e3");
        bad("minPrice", "minPrice", "-1");
        bad("minPrice", "minPrice", "abc");
        bad("minPrice", "minPrice", "20", "maxPrice", "10");
        bad("maxPrice", "maxPrice", "NaN");
        bad("sort", "sort", "name");
        bad("colour", "colour", "red");
        bad("q", "q", "a", "q", "b");
        bad("brand", "brand", "x\u0007");
        bad("inStock", "inStock", "yes");
        bad("inStock", "inStock", "1");
        bad("inStock", "inStock", "true", "inStock", "true");
    }

    @Test
    void suggestionParameters() {
        assertThat(SearchParameters.suggest(params()).size()).isEqualTo(8);
        assertThat(SearchParameters.suggest(params("q", "stu", "size", "20")).text()).isEqualTo("stu");
        assertThatThrownBy(() -> SearchParameters.suggest(params("size", "21"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SearchParameters.suggest(params("category", "x"))).isInstanceOf(ProblemException.class);
    }

    private static void bad(String field, String... keyValues) {
        assertThatThrownBy(() -> SearchParameters.search(params(keyValues))).as(List.of(keyValues).toString())
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors().get(0).field()).isEqualTo(field);
                });
    }

    private static MultivaluedMap<String, String> params(String... keyValues) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.add(keyValues[i], keyValues[i + 1]);
        }
        return params;
    }
}
