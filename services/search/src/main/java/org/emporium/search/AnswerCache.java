package org.emporium.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import org.emporium.search.index.SearchIndex;

/**
 * Answers of recent searches (or suggestions), keyed by the request and the index generation:
 * a shopper's repeated query between two index refreshes costs a map lookup instead of a
 * search, and the first refresh after a catalog change makes every older answer unreachable, so
 * nothing stale is ever served. Bounded by entry count; a size of 0 turns it off.
 */
final class AnswerCache<R, A> {

    @FunctionalInterface
    interface Search<R, A> {
        A answer(R request) throws IOException;
    }

    private record Key<R>(R request, long generation) {
    }

    private final SearchIndex index;
    private final Cache<Key<R>, A> answers;

    AnswerCache(SearchIndex index, int size) {
        this.index = index;
        this.answers = size <= 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
    }

    A get(R request, Search<R, A> search) throws IOException {
        if (answers == null) {
            return search.answer(request);
        }
        Key<R> key = new Key<>(request, index.generation()); // read before searching: see generation()
        A answer = answers.getIfPresent(key);
        if (answer == null) {
            answer = search.answer(request);
            answers.put(key, answer);
        }
        return answer;
    }
}
