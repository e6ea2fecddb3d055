package org.emporium.storefront.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void keepsHighlightsAndTheTextSearchAlreadyEscaped() {
        assertThat(Snippet.sanitize("Studio <mark>head</mark>phones &amp; cans &lt;b&gt; &#39;x&#x27;"))
                .isEqualTo("Studio <mark>head</mark>phones &amp; cans &lt;b&gt; &#39;x&#x27;");
    }

    @Test
    void escapesEveryOtherTag() {
        assertThat(Snippet.sanitize("<script>alert(1)</script><img src=x onerror=alert(1)>"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void marksWithAttributesOrInOtherSpellingsAreNotMarks() {
        assertThat(Snippet.sanitize("<mark onclick=\"x()\">a</mark>")).isEqualTo("&lt;mark onclick=&quot;x()&quot;&gt;a");
        assertThat(Snippet.sanitize("<MARK>a</MARK>")).isEqualTo("&lt;MARK&gt;a&lt;/MARK&gt;");
        assertThat(Snippet.sanitize("<mark >a")).isEqualTo("&lt;mark &gt;a");
    }

    @Test
    void escapesAmpersandsThatStartNoCharacterReference() {
        assertThat(Snippet.sanitize("R&D & more &unknown stuff &#;")).isEqualTo("R&amp;D &amp; more &amp;unknown stuff &amp;#;");
    }

    @Test
    void keepsMarksBalanced() {
        assertThat(Snippet.sanitize("a</mark>b<mark>c<mark>d</mark>e</mark>f<mark>g"))
                .isEqualTo("ab<mark>cd</mark>ef<mark>g</mark>");
    }

    @Test
    void nothingToShowIsNull() {
        assertThat(Snippet.sanitize(null)).isEmpty();
        assertThat(Snippet.html(null)).isNull();
        assertThat(Snippet.html("  ")).isNull();
        assertThat(Snippet.html("<mark>x</mark>").getValue()).isEqualTo("<mark>x</mark>");
    }
}
