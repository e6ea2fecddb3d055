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
import org.emporium.storefront.client.ReadTimeouts;
import org.jboss.logging.Logger;

/**
 * The search API under a fault tolerance policy, in the same shape as {@code GuardedCatalog} but
 * tighter: search is an extra, so a slow search must cost a page view little, and the rest of the
 * shop never depends on it. Whatever goes wrong surfaces as {@link SearchUnavailableException} (or
 * {@link SearchRejectedException}).
 *
 * <ul>
 *   <li>Results: 1 s per attempt, one quick retry of connection errors and 5xx answers (never of a
 *       timeout), a breaker, then the 503 page.</li>
 *   <li>Suggestions: 400 ms and no retry at all: the shopper's next keystroke is the retry, and a
 *       late suggestion is a useless one. {@link SearchClient} turns any failure into "no suggestions".</li>
 * </ul>
 *
 * <p>Each value can be changed without a rebuild, e.g.
 * {@code quarkus.fault-tolerance."org.emporium.storefront.client.search.GuardedSearch/suggest".timeout.value=300}.
 */
@ApplicationScoped
class GuardedSearch {

    private static final Logger LOG = Logger.getLogger(GuardedSearch.class);

    private final SearchApi api;

    GuardedSearch(@RestClient SearchApi api) {
        this.api = api;
    }

    @AsynchronousNonBlocking
    @Timeout(1000)
    @Retry(maxRetries = 1, delay = 50, jitter = 25, maxDuration = 2500,
            abortOn = {TimeoutException.class, CircuitBreakerOpenException.class, SearchRejectedException.class})
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = SearchRejectedException.class)
    @CircuitBreakerName("search-results")
    @Fallback(fallbackMethod = "resultsUnavailable", skipOn = SearchUnavailableException.class)
    Uni<SearchResults> search(SearchQuery query) {
        return api.search(query.q(), query.page(), query.size(), query.categories(), query.brands(),
                        plain(query.minPrice()), plain(query.maxPrice()), query.sort())
                .onFailure().transform(GuardedSearch::classify);
    }

    @AsynchronousNonBlocking
    @Timeout(400)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = SearchRejectedException.class)
    @CircuitBreakerName("search-suggest")
    @Fallback(fallbackMethod = "suggestionsUnavailable", skipOn = SearchUnavailableException.class)
    Uni<List<Suggestion>> suggest(SuggestQuery query) {
        return api.suggest(query.prefix(), query.size())
                .map(SuggestionList::suggestions)
                .onFailure().transform(GuardedSearch::classify);
    }

    // --- fallbacks: reached on timeout or open breaker ----------------------------------------------

    Uni<SearchResults> resultsUnavailable(SearchQuery query) {
        return Uni.createFrom().failure(new SearchUnavailableException("search unavailable (timeout or open circuit)", null));
    }

    Uni<List<Suggestion>> suggestionsUnavailable(SuggestQuery query) {
        return Uni.createFrom().failure(new SearchUnavailableException("search unavailable (timeout or open circuit)", null));
    }

    private static String plain(BigDecimal price) {
        return price == null ? null : price.toPlainString();
    }

    /** A read timeout becomes a {@link TimeoutException} (not retried), anything else a retryable unavailability. */
    static Throwable classify(Throwable failure) {
        if (failure instanceof SearchUnavailableException || failure instanceof TimeoutException) {
            return failure;
        }
        if (ReadTimeouts.causedBy(failure)) {
            return new TimeoutException("search did not answer in time");
        }
        LOG.debugf("search call failed: %s", failure);
        return new SearchUnavailableException("search unreachable: " + failure.getClass().getSimpleName(), failure);
    }
}
