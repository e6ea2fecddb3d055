package org.emporium.search.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": replaces each word the index does not know by the closest word of the
 * product names, brands or categories (within 2 edits, the more frequent on ties). Works from
 * the index's own terms, so it needs no dictionary and follows the catalog.
 */
final class SpellingCorrection {

    private static final List<String> FIELDS = List.of(ProductDocument.NAME_PLAIN, ProductDocument.BRAND_PLAIN,
            ProductDocument.CATEGORY_PLAIN);

    private SpellingCorrection() {
    }

    /** The corrected text, or null when every word is known or none has a correction. */
    static String correct(List<QueryBuilder.Word> words, IndexReader reader) throws IOException {
        if (words.stream().allMatch(QueryBuilder.Word::known)) {
            return null;
        }
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMinPrefix(0);
        checker.setThresholdFrequency(0f); // a brand with five products is still a word
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (QueryBuilder.Word word : words) {
            SuggestWord best = word.known() ? null : best(checker, word.plain(), reader);
            corrected.add(best == null ? word.plain() : best.string);
            changed |= best != null;
        }
        return changed ? String.join(" ", corrected) : null;
    }

    private record Key(Object reader, String word) {
    }

    // corrections of an older reader are never asked for again and age out by size
    private static final Cache<Key, Optional<SuggestWord>> CORRECTIONS = Caffeine.newBuilder().maximumSize(20_000).build();

    /** The best correction, computed once per word and index reader (a spell check walks the terms with an automaton). */
    private static SuggestWord best(DirectSpellChecker checker, String word, IndexReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Key key = new Key(helper == null ? reader : helper.getKey(), word);
        Optional<SuggestWord> cached = CORRECTIONS.getIfPresent(key);
        if (cached == null) {
            cached = Optional.ofNullable(search(checker, word, reader));
            CORRECTIONS.put(key, cached);
        }
        return cached.orElse(null);
    }

    private static SuggestWord search(DirectSpellChecker checker, String word, IndexReader reader) throws IOException {
        SuggestWord best = null;
        for (String field : FIELDS) {
            for (SuggestWord candidate : checker.suggestSimilar(new Term(field, word), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                if (best == null || candidate.score > best.score
                        || (candidate.score == best.score && candidate.freq > best.freq)) {
                    best = candidate;
                }
            }
        }
        return best;
    }
}
