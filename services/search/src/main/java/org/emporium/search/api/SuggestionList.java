package org.emporium.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.emporium.search.index.Suggester;

/** The body of {@code GET /api/search/suggest}. */
public record SuggestionList(List<Suggestion> suggestions) {

    /** {@code kind} is "brand" or "product"; only products have a SKU. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(String text, String kind, String sku) {
    }

    static SuggestionList of(List<Suggester.Suggestion> suggestions) {
        return new SuggestionList(suggestions.stream().map(s -> new Suggestion(s.text(), s.kind(), s.sku())).toList());
    }
}
