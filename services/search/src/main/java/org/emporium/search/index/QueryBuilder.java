package org.emporium.search.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the text query from what the shopper typed. Everything typed is text: it is analyzed
 * into words and the query is assembled from term, fuzzy and phrase queries, never parsed, so
 * {@code "*?~:()[]{}^\/!&|} are just characters that the tokenizer drops.
 *
 * <p>Relevance: BM25 over fields boosted name > brand > category > description. Each word is a
 * disjunction over those fields (the best field wins, the others add a little), and every word
 * must match. A word the index does not know (a typo) matches fuzzily on the name, brand and
 * category words instead, within 1 edit for 4–7 characters and 2 from 8; known words are never
 * fuzzed, so an exact match always outranks a fuzzy one. Words of a multi-word query that appear
 * as a phrase in the name score extra.
 */
final class QueryBuilder {

    static final float NAME_BOOST = 5f;
    static final float TYPE_BOOST = 3f;
    static final float BRAND_BOOST = 3f;
    static final float CATEGORY_BOOST = 2f;
    static final float DESCRIPTION_BOOST = 1f;
    static final float ATTRIBUTES_BOOST = 0.7f;
    // a fuzzy match in the name weighs less than an exact one in the same field would
    private static final float FUZZY_FACTOR = 0.5f;
    private static final float PHRASE_BOOST = 3f;
    private static final float SKU_BOOST = 20f;
    // the other fields of a word add this share of their score to the best field's
    private static final float TIE_BREAKER = 0.5f;

    /** One word as typed (lower-cased, folded) and as stemmed; {@code stem} is null for a stop word. */
    record Word(String plain, String stem, boolean known) {

        int fuzzyEdits() {
            if (known || plain.chars().anyMatch(Character::isDigit)) {
                return 0;
            }
            return plain.length() <= 3 ? 0 : plain.length() <= 7 ? 1 : 2;
        }
    }

    /** The text query: {@code strict} needs every word; {@code loose} (null for one word) all but one. */
    record TextQuery(List<Word> words, Query strict, Query loose) {

        boolean isEmpty() {
            return words.isEmpty();
        }
    }

    private QueryBuilder() {
    }

    static TextQuery build(String text, IndexReader reader) throws IOException {
        List<Word> words = words(text, reader);
        if (words.isEmpty()) {
            return new TextQuery(words, new MatchAllDocsQuery(), null);
        }
        List<Query> perWord = new ArrayList<>();
        boolean anyStem = words.stream().anyMatch(w -> w.stem() != null);
        for (Word word : words) {
            if (word.stem() != null) {
                perWord.add(wordQuery(word, reader));
            } else if (!anyStem) {
                perWord.add(stopWordQuery(word)); // only stop words typed ("the"): match them literally
            }
        }
        Query phrase = phrase(words);
        Query sku = text.isBlank() || text.strip().contains(" ") ? null
                : new BoostQuery(new TermQuery(new Term(ProductDocument.SKU_KEY, ProductDocument.key(text))), SKU_BOOST);
        Query strict = combine(perWord, perWord.size(), phrase, sku);
        Query loose = perWord.size() < 2 ? null : combine(perWord, perWord.size() - 1, phrase, sku);
        return new TextQuery(words, strict, loose);
    }

    /**
     * What the snippets mark: the stems of {@code text} (the corrected text when the shopper made
     * typos) in the title and description, as plain term queries. Highlighting the fuzzy query
     * itself cost 200-300 ms per page (a terms-dictionary walk per document).
     */
    static Query highlight(String text) {
        List<String> stems = ProductAnalyzers.tokens(ProductAnalyzers.STEMMED, text.replace(':', ' '));
        if (stems.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String stem : stems.stream().distinct().limit(64).toList()) {
            query.add(new TermQuery(new Term(ProductDocument.TITLE, stem)), Occur.SHOULD);
            query.add(new TermQuery(new Term(ProductDocument.DESCRIPTION, stem)), Occur.SHOULD);
        }
        return query.build();
    }

    /** The words of {@code text}, each with its stem and whether the index knows it. */
    static List<Word> words(String text, IndexReader reader) throws IOException {
        List<Word> words = new ArrayList<>();
        // the tokenizer keeps "name:studio" as one word (a colon joins letters in UAX#29); a shopper means two
        for (String plain : ProductAnalyzers.tokens(ProductAnalyzers.PLAIN, text.replace(':', ' '))) {
            List<String> stems = ProductAnalyzers.tokens(ProductAnalyzers.STEMMED, plain);
            String stem = stems.isEmpty() ? null : stems.get(0);
            words.add(new Word(plain, stem, known(plain, stem, reader)));
        }
        return words;
    }

    static boolean known(String plain, String stem, IndexReader reader) throws IOException {
        if (stem != null) {
            for (String field : List.of(ProductDocument.TITLE, ProductDocument.BRAND, ProductDocument.CATEGORY,
                    ProductDocument.DESCRIPTION, ProductDocument.ATTRIBUTES)) {
                if (reader.docFreq(new Term(field, stem)) > 0) {
                    return true;
                }
            }
        }
        for (String field : List.of(ProductDocument.NAME_PLAIN, ProductDocument.BRAND_PLAIN, ProductDocument.CATEGORY_PLAIN)) {
            if (reader.docFreq(new Term(field, plain)) > 0) {
                return true;
            }
        }
        return false;
    }

    private static Query wordQuery(Word word, IndexReader reader) throws IOException {
        List<Query> fields = new ArrayList<>();
        fields.add(boosted(ProductDocument.TITLE, word.stem(), NAME_BOOST));
        fields.add(boosted(ProductDocument.TYPE, word.stem(), TYPE_BOOST));
        fields.add(boosted(ProductDocument.BRAND, word.stem(), BRAND_BOOST));
        fields.add(boosted(ProductDocument.CATEGORY, word.stem(), CATEGORY_BOOST));
        fields.add(boosted(ProductDocument.DESCRIPTION, word.stem(), DESCRIPTION_BOOST));
        fields.add(boosted(ProductDocument.ATTRIBUTES, word.stem(), ATTRIBUTES_BOOST));
        int edits = word.fuzzyEdits();
        if (edits > 0) {
            fields.add(fuzzy(reader, ProductDocument.NAME_PLAIN, word.plain(), edits, NAME_BOOST));
            fields.add(fuzzy(reader, ProductDocument.BRAND_PLAIN, word.plain(), edits, BRAND_BOOST));
            fields.add(fuzzy(reader, ProductDocument.CATEGORY_PLAIN, word.plain(), edits, CATEGORY_BOOST));
        }
        return new DisjunctionMaxQuery(fields, TIE_BREAKER);
    }

    private static Query stopWordQuery(Word word) {
        return new DisjunctionMaxQuery(List.of(
                boosted(ProductDocument.NAME_PLAIN, word.plain(), NAME_BOOST),
                boosted(ProductDocument.BRAND_PLAIN, word.plain(), BRAND_BOOST),
                boosted(ProductDocument.CATEGORY_PLAIN, word.plain(), CATEGORY_BOOST)), TIE_BREAKER);
    }

    /**
     * A fuzzy match, already rewritten into the index's matching terms. Building the Levenshtein
     * automaton and walking the terms dictionary with it was the most expensive part of a typo
     * query (a quarter of all search CPU in a profile of the benchmark mix), and the same typo
     * comes back often: the rewritten query is kept per index reader, so it is computed once
     * per word, field and refresh.
     */
    private static Query fuzzy(IndexReader reader, String field, String word, int edits, float boost) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        FuzzyKey key = new FuzzyKey(helper == null ? reader : helper.getKey(), field, word, edits);
        Query rewritten = REWRITTEN_FUZZY.getIfPresent(key);
        if (rewritten == null) {
            // prefix 0: a typo in the first letter is as likely as anywhere else
            rewritten = new IndexSearcher(reader).rewrite(new FuzzyQuery(new Term(field, word), edits, 0, 50, true));
            REWRITTEN_FUZZY.put(key, rewritten);
        }
        return new BoostQuery(rewritten, boost * FUZZY_FACTOR);
    }

    private record FuzzyKey(Object reader, String field, String word, int edits) {
    }

    // entries of an older reader are never asked for again and age out by size
    private static final Cache<FuzzyKey, Query> REWRITTEN_FUZZY = Caffeine.newBuilder().maximumSize(20_000).build();

    /**
     * The stems in order as a sloppy phrase on the title and the description, when there are at
     * least two: "phone case" is a case, even though phones mention cases.
     */
    private static Query phrase(List<Word> words) {
        List<String> stems = words.stream().map(Word::stem).filter(s -> s != null).toList();
        if (stems.size() < 2) {
            return null;
        }
        return new DisjunctionMaxQuery(List.of(
                new BoostQuery(phrase(ProductDocument.TITLE, stems), PHRASE_BOOST),
                new BoostQuery(phrase(ProductDocument.DESCRIPTION, stems), PHRASE_BOOST * DESCRIPTION_BOOST / NAME_BOOST)),
                TIE_BREAKER);
    }

    private static Query phrase(String field, List<String> stems) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
        for (int i = 0; i < stems.size(); i++) {
            phrase.add(new Term(field, stems.get(i)), i);
        }
        return phrase.build();
    }

    private static Query combine(List<Query> perWord, int mustMatch, Query phrase, Query sku) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        if (mustMatch == perWord.size()) {
            perWord.forEach(q -> words.add(q, Occur.MUST));
        } else {
            perWord.forEach(q -> words.add(q, Occur.SHOULD));
            words.setMinimumNumberShouldMatch(mustMatch);
        }
        Query wordsQuery = words.build();
        if (phrase != null) {
            wordsQuery = new BooleanQuery.Builder().add(wordsQuery, Occur.MUST).add(phrase, Occur.SHOULD).build();
        }
        if (sku == null) {
            return wordsQuery;
        }
        return new BooleanQuery.Builder().add(wordsQuery, Occur.SHOULD).add(sku, Occur.SHOULD).build();
    }

    private static Query boosted(String field, String term, float boost) {
        Query query = new TermQuery(new Term(field, term));
        return boost == 1f ? query : new BoostQuery(query, boost);
    }
}
