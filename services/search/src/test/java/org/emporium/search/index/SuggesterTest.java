package org.emporium.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SuggesterTest {

    private SearchIndex index;
    private Suggester suggester;

    @BeforeEach
    void fill() throws IOException {
        index = SearchIndex.inMemory();
        suggester = new Suggester(index);
        index.upsert(ProductSearchTest.product("H1", "Nordlicht Studio Headphones", "", "Nordlicht", "headphones-audio", "129.00", 1, 1));
        index.upsert(ProductSearchTest.product("H2", "Nordlicht Travel Headphones", "", "Nordlicht", "headphones-audio", "249.00", 2, 1));
        index.upsert(ProductSearchTest.product("M1", "Brasswick Studio Tilt-Head Mixer", "", "Brasswick", "kitchen-appliances", "299.00", 3, 1));
        index.upsert(ProductSearchTest.product("G1", "Nordic Walking Poles", "", "Trailmark", "outdoor-camping", "59.00", 4, 1));
        index.refresh();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void brandsComeFirstThenProductsWhoseWordsStartWithTheText() throws IOException {
        assertThat(suggester.suggest("nord", 8).items()).containsExactly(
                new Suggester.Suggestion("Nordlicht", "brand", null),
                new Suggester.Suggestion("Nordic Walking Poles", "product", "G1"),
                new Suggester.Suggestion("Nordlicht Studio Headphones", "product", "H1"),
                new Suggester.Suggestion("Nordlicht Travel Headphones", "product", "H2"));
    }

    @Test
    void earlierWordsMustBeWholeAndTheLastMayBeAPrefix() throws IOException {
        assertThat(texts("studio head")).containsExactlyInAnyOrder("Nordlicht Studio Headphones", "Brasswick Studio Tilt-Head Mixer");
        assertThat(texts("studio headp")).containsExactly("Nordlicht Studio Headphones");
        assertThat(texts("studio head ")).containsExactly("Brasswick Studio Tilt-Head Mixer"); // "head" as a whole word
    }

    @Test
    void respectsTheSizeAndNeverSuggestsDeletedProducts() throws IOException {
        assertThat(suggester.suggest("nord", 2).items()).hasSize(2);
        index.delete(ProductSearchTest.id("G1"), 2);
        index.refresh();
        assertThat(texts("nordic")).isEmpty();
        assertThat(suggester.suggest("", 8).items()).isEmpty();
        assertThat(suggester.suggest("  \"*?", 8).items()).isEmpty();
    }

    @Test
    void aMisspeltWordIsCorrectedAndTheCorrectedTextsSuggestionsGiven() throws IOException {
        Suggester.Suggestions answer = suggester.suggest("studio hedphones", 8);

        assertThat(answer.correctedText()).isEqualTo("studio headphones");
        assertThat(answer.items()).extracting(Suggester.Suggestion::text).containsExactly("Nordlicht Studio Headphones");
        // text that completes needs no correction; gibberish has none
        assertThat(suggester.suggest("studio head", 8).correctedText()).isNull();
        Suggester.Suggestions nothing = suggester.suggest("qqqqzzzz", 8);
        assertThat(nothing.items()).isEmpty();
        assertThat(nothing.correctedText()).isNull();
    }

    private List<String> texts(String q) throws IOException {
        return suggester.suggest(q, 8).items().stream().map(Suggester.Suggestion::text).toList();
    }
}
