package org.emporium.storefront.client.search;

import java.util.List;

/**
 * Search's answer to a suggest request: {@code didYouMean} is the corrected text when nothing
 * completed what was typed but the corrected text did (the suggestions are then its), else null.
 */
public record SuggestionList(List<Suggestion> suggestions, String didYouMean) {

    public SuggestionList {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }
}
