package org.emporium.storefront.web.catalog;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.web.layout.PageFrame;

/**
 * The browsing pages' templates under {@code src/main/resources/templates/}, checked at build time:
 * a typo in an expression fails the build, not a page view. All of them include {@code layout.html}.
 */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    /** {@code recommended} is empty when there is nothing to recommend (the section is left out). */
    static native TemplateInstance home(PageFrame frame, List<CategoryCard> categories, List<ProductCard> featured,
                                        List<RecommendationCard> recommended);

    static native TemplateInstance category(PageFrame frame, Category category, Listing listing);

    /** Just the results region of the category page: what htmx swaps when the sort or page changes. */
    static native TemplateInstance category$results(Listing listing);

    /**
     * {@code article}: fragments/productArticle.html rendered; {@code alsoBought}: the recommendations
     * row rendered, null when there is nothing to recommend (the section is left out).
     */
    static native TemplateInstance product(PageFrame frame, RawString article, RawString alsoBought);
}
