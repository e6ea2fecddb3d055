package org.emporium.storefront.client.search;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.ExpiringCache;
import org.jboss.logging.Logger;

/**
 * Search as the pages see it: short-lived, bounded caches in front of {@link GuardedSearch}.
 * Popular searches and the prefixes everyone types first ("hea", "head") are asked once per few
 * seconds, not once per shopper; the index changes within a second of a catalog change, so the
 * caches stay short.
 */
@ApplicationScoped
public class SearchClient {

    private static final Logger LOG = Logger.getLogger(SearchClient.class);

    private final GuardedSearch search;
    private final ExpiringCache<SearchQuery, SearchResults> results;
    private final ExpiringCache<SuggestQuery, SuggestionList> suggestions;

    SearchClient(GuardedSearch search,
                 @ConfigProperty(name = "storefront.cache.search-ttl") Duration resultsTtl,
                 @ConfigProperty(name = "storefront.cache.search-size") long resultsSize,
                 @ConfigProperty(name = "storefront.cache.suggestions-ttl") Duration suggestionsTtl,
                 @ConfigProperty(name = "storefront.cache.suggestions-size") long suggestionsSize) {
        this.search = search;
        this.results = new ExpiringCache<>(resultsTtl, resultsSize);
        this.suggestions = new ExpiringCache<>(suggestionsTtl, suggestionsSize);
    }

    /** One page of results; fails with {@code UpstreamUnavailableException} when search can't answer. */
    public Uni<SearchResults> search(SearchQuery query) {
        return results.get(query, search::search);
    }

    /**
     * Completions for a prefix; empty when search can't answer now. Never fails: the box then
     * simply shows nothing (failures are not cached, so suggestions come back as soon as search does).
     */
    public Uni<Optional<SuggestionList>> suggest(SuggestQuery query) {
        return suggestions.get(query, search::suggest).map(Optional::of)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("no suggestions for the search box: %s", failure.getMessage());
                    return Optional.empty();
                });
    }

    /** Forgets every cached answer; the next searches ask the search service again. */
    public void invalidateCaches() {
        results.invalidateAll();
        suggestions.invalidateAll();
    }
}
