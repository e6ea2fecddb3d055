package org.emporium.storefront.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emporium.storefront.client.catalog.Category;
import org.junit.jupiter.api.Test;

/** The nav's markup from the real tag template, and when it is rendered again. */
class CategoryNavTest {

    private static final List<Category> CATEGORIES = List.of(
            new Category("audio", "Headphones & Audio", "", 31),
            new Category("kitchen", "Kitchen", "", 12));

    /** Escaping as Quarkus configures it for .html templates (StorefrontPagesIT sees the real engine's). */
    private final CategoryNav nav = new CategoryNav(Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build()
            .parse(tagTemplate(), Variant.forContentType(Variant.TEXT_HTML)));

    @Test
    void bothNavsMarkTheCurrentCategoryAndEscapeNames() {
        CategoryNav.Markup markup = nav.of(CATEGORIES, "kitchen");

        assertThat(markup.menu().getValue())
                .contains("<ul class=\"category-menu__list\">")
                .doesNotContain("class=\"category-nav\"")
                .contains("<a href=\"/c/audio\">Headphones &amp; Audio</a>")
                .contains("<a href=\"/c/kitchen\" aria-current=\"page\">Kitchen</a>");
        assertThat(markup.bar().getValue())
                .contains("<nav class=\"category-nav\" aria-label=\"Categories\">")
                .contains("<ul class=\"container category-nav__list\">")
                .contains("<a href=\"/c/kitchen\" aria-current=\"page\">Kitchen</a>");
    }

    @Test
    void aSlugOutsideTheListMarksNothingAndSharesTheUnmarkedNav() {
        CategoryNav.Markup unknown = nav.of(CATEGORIES, "no-such-category");

        assertThat(unknown.menu().getValue()).doesNotContain("aria-current");
        assertThat(nav.of(CATEGORIES, null)).isSameAs(unknown);
    }

    @Test
    void theSameListIsRenderedOncePerCurrentCategory() {
        CategoryNav.Markup kitchen = nav.of(CATEGORIES, "kitchen");

        assertThat(nav.of(CATEGORIES, "kitchen")).isSameAs(kitchen);
        assertThat(nav.of(new ArrayList<>(CATEGORIES), "kitchen")).as("an equal list from a later fetch")
                .isSameAs(kitchen);
        assertThat(nav.of(CATEGORIES, "audio")).isNotSameAs(kitchen);
    }

    @Test
    void aChangedListIsRenderedAgain() {
        nav.of(CATEGORIES, "kitchen");
        List<Category> renamed = List.of(CATEGORIES.get(0), new Category("kitchen", "Kitchen & Dining", "", 12));

        assertThat(nav.of(renamed, "kitchen").bar().getValue())
                .contains("<a href=\"/c/kitchen\" aria-current=\"page\">Kitchen &amp; Dining</a>");
    }

    @Test
    void noCategoriesNoNav() {
        assertThat(nav.of(List.of(), "kitchen")).isNull();
    }

    private static String tagTemplate() {
        try {
            return Files.readString(Path.of("src/main/resources/templates/tags/categoryLinks.html"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
