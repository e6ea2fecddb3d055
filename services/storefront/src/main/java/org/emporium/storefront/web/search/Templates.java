package org.emporium.storefront.web.search;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.emporium.storefront.web.layout.PageFrame;

/** The search pages' templates under {@code src/main/resources/templates/}, checked at build time. */
@CheckedTemplate
final class Templates {

    private Templates() {
    }

    static native TemplateInstance search(PageFrame frame, SearchView view);

    /** Just the results region of the search page: what htmx swaps when a filter, the sort or the page changes. */
    static native TemplateInstance search$results(SearchView view);

    /** The list under the search box: what htmx swaps in as the shopper types. */
    static native TemplateInstance suggestions(List<SuggestionLink> suggestions, String typed, String corrected,
                                                  String correctedHref);
}
