package org.emporium.storefront.client.search;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;

/**
 * The search API under a fault tolerance policy, in the same shape as {@code GuardedCatalog} but
 * tighter: search is an extra, so a slow search must cost a page view little, and the rest of the
 * shop never depends on it. Whatever goes wrong surfaces as {@link UpstreamUnavailableException} (or
 * {@link UpstreamRejectedException}).
 *
 * <ul>
 *   <li>Results: 1 s per attempt, one quick retry of connection errors and 5xx answers (never of a
 *       timeout), a breaker, then the 503 page.</li>
 *   <li>Suggestions: 400 ms and no retry at all: the shopper's next keystroke is the retry, and a
 *       late suggestion is a useless one. {@link SearchClient} turns any failure into "no suggestions".</li>
 * </ul>
 *
 * <p>The breaker is declared once for the class; each value can be changed without a rebuild, e.g.
 * {@code quarkus.fault-tolerance."org.emporium.storefront.client.search.GuardedSearch/suggest".timeout.value=300}.
 */
@ApplicationScoped
@AsynchronousNonBlocking
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = UpstreamRejectedException.class)
class GuardedSearch {

    static final String SEARCH = "search";

    private final SearchApi api;

    GuardedSearch(@RestClient SearchApi api) {
        this.api = api;
    }

    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 2500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, UpstreamRejectedException.class})
    @CircuitBreakerName("search-results")
    @Fallback(fallbackMethod = "resultsUnavailable",
            skipOn = {UpstreamUnavailableException.class, UpstreamRejectedException.class})
    Uni<SearchResults> search(SearchQuery query) {
        return api.search(query.q(), query.page(), query.size(), query.categories(), query.brands(),
                        plain(query.minPrice()), plain(query.maxPrice()), query.sort())
                .onFailure().transform(f -> Upstreams.classify(SEARCH, f));
    }

    @Timeout(400)
    @CircuitBreakerName("search-suggest")
    @Fallback(fallbackMethod = "suggestionsUnavailable",
            skipOn = {UpstreamUnavailableException.class, UpstreamRejectedException.class})
    Uni<SuggestionList> suggest(SuggestQuery query) {
        return api.suggest(query.prefix(), query.size())
                .onFailure().transform(f -> Upstreams.classify(SEARCH, f));
    }

    // --- fallbacks: reached on timeout or open breaker; private, so the class's policy doesn't apply to them

    private Uni<SearchResults> resultsUnavailable(SearchQuery query) {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen(SEARCH));
    }

    private Uni<SuggestionList> suggestionsUnavailable(SuggestQuery query) {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen(SEARCH));
    }

    private static String plain(BigDecimal price) {
        return price == null ? null : price.toPlainString();
    }
}
