package org.emporium.storefront.client.search;

import java.util.List;

/** Search's answer to a suggest request. */
public record SuggestionList(List<Suggestion> suggestions) {

    public SuggestionList {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
