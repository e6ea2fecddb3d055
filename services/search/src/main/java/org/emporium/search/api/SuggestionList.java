package org.emporium.search.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.emporium.search.index.Suggester;

/**
 * The body of {@code GET /api/search/suggest}: {@code didYouMean} is present when nothing completed the
 * text but a corrected text did, and the suggestions are then the corrected text's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuggestionList(List<Suggestion> suggestions, String didYouMean) {

    /** {@code kind} is "brand" or "product"; only products have a SKU. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(String text, String kind, String sku) {
    }

    static SuggestionList of(Suggester.Suggestions suggestions) {
        return new SuggestionList(suggestions.items().stream().map(s -> new Suggestion(s.text(), s.kind(), s.sku())).toList(),
                suggestions.correctedText());
    }
}
