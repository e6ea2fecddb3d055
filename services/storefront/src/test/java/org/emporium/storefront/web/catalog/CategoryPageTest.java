package org.emporium.storefront.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryPageTest {

    @Test
    void pageParameterIsReadLeniently() {
        assertThat(CategoryPage.pageNumber(null)).isZero();
        assertThat(CategoryPage.pageNumber("")).isZero();
        assertThat(CategoryPage.pageNumber("3")).isEqualTo(3);
        assertThat(CategoryPage.pageNumber(" 2 ")).isEqualTo(2);
        assertThat(CategoryPage.pageNumber("-1")).isZero();
        assertThat(CategoryPage.pageNumber("two")).isZero();
        assertThat(CategoryPage.pageNumber("99999999999999")).isZero();
        assertThat(CategoryPage.pageNumber("2000000000")).isEqualTo(CategoryPage.MAX_PAGE);
    }
}
