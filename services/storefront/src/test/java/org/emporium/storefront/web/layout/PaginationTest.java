package org.emporium.storefront.web.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaginationTest {

    @Test
    void countsPagesRoundingUp() {
        assertThat(new Pagination(0, 24, 0).totalPages()).isEqualTo(1);
        assertThat(new Pagination(0, 24, 24).totalPages()).isEqualTo(1);
        assertThat(new Pagination(0, 24, 25).totalPages()).isEqualTo(2);
        assertThat(new Pagination(0, 24, 210).totalPages()).isEqualTo(9);
    }

    @Test
    void firstPageHasNextButNoPrevious() {
        Pagination p = new Pagination(0, 24, 210);
        assertThat(p.hasPrevious()).isFalse();
        assertThat(p.hasNext()).isTrue();
    }

    @Test
    void lastPageHasPreviousButNoNext() {
        Pagination p = new Pagination(8, 24, 210);
        assertThat(p.hasPrevious()).isTrue();
        assertThat(p.hasNext()).isFalse();
        assertThat(p.firstItem()).isEqualTo(193);
        assertThat(p.lastItem()).isEqualTo(210);
    }

    @Test
    void summarySaysWhichItemsAreShown() {
        assertThat(new Pagination(1, 24, 210).summary()).isEqualTo("Showing 25\u201348 of 210 products");
        assertThat(new Pagination(0, 24, 5).summary()).isEqualTo("5 products");
        assertThat(new Pagination(0, 24, 1).summary()).isEqualTo("1 product");
        assertThat(new Pagination(0, 24, 0).summary()).isEqualTo("0 products");
    }

    @Test
    void fewPagesAreAllLinked() {
        assertThat(labels(new Pagination(1, 10, 50))).containsExactly("1", "[2]", "3", "4", "5");
    }

    @Test
    void manyPagesShowFirstLastAndNeighboursWithGaps() {
        assertThat(labels(new Pagination(9, 10, 200))).containsExactly("1", "\u2026", "8", "9", "[10]", "11", "12", "\u2026", "20");
        assertThat(labels(new Pagination(0, 10, 200))).containsExactly("[1]", "2", "3", "\u2026", "20");
        assertThat(labels(new Pagination(19, 10, 200))).containsExactly("1", "\u2026", "18", "19", "[20]");
    }

    @Test
    void noGapIsShownForASinglePageLeftOut() {
        assertThat(labels(new Pagination(4, 10, 100))).containsExactly("1", "2", "3", "4", "[5]", "6", "7", "\u2026", "10");
    }

    @Test
    void linksCarryZeroBasedPageNumbers() {
        List<Pagination.PageLink> links = new Pagination(0, 10, 30).links(p -> "/x?page=" + p);
        assertThat(links).extracting(Pagination.PageLink::href).containsExactly("/x?page=0", "/x?page=1", "/x?page=2");
    }

    @Test
    void aPagePastTheEndIsEmptyAndMarksNoPageCurrent() {
        Pagination p = new Pagination(50, 10, 30);
        assertThat(p.beyondEnd()).isTrue();
        assertThat(p.hasNext()).isFalse();
        assertThat(p.hasPrevious()).isTrue();
        assertThat(p.firstItem()).isZero();
        assertThat(labels(p)).containsExactly("1", "2", "3");
    }

    @Test
    void rejectsImpossibleValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Pagination(-1, 10, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Pagination(0, 0, 0));
    }

    private static List<String> labels(Pagination p) {
        return p.links(page -> "/p" + page).stream()
                .map(l -> l.current() ? "[" + l.label() + "]" : l.label())
                .toList();
    }
}
