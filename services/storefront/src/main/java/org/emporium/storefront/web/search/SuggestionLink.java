package org.emporium.storefront.web.search;

import org.emporium.storefront.client.search.Suggestion;

/** A suggestion under the search box: a product goes to its page, a brand to the results filtered by it. */
public record SuggestionLink(String text, String kind, String href) {

    static SuggestionLink of(Suggestion s) {
        if ("brand".equals(s.kind())) {
            return new SuggestionLink(s.text(), "Brand", "/search?brand=" + SearchLinks.encode(s.text()));
        }
        if (s.sku() != null && !s.sku().isBlank()) {
            return new SuggestionLink(s.text(), null, "/p/" + SearchLinks.encode(s.sku()));
        }
        // a kind this storefront doesn't know yet: searching for the text is always meaningful
        return new SuggestionLink(s.text(), null, "/search?q=" + SearchLinks.encode(s.text()));
    }
}
