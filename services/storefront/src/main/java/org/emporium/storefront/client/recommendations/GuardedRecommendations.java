package org.emporium.storefront.client.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.storefront.client.recommendations.RecommendationsApi.NothingToRecommendException;
import org.emporium.storefront.client.recommendations.RecommendationsApi.RecommendationsUnavailableException;

/**
 * The recommendation reads under the tightest policy of all: they are an extra on a page that is
 * already being rendered, so 250 ms (the page never waits longer for them), no retry, and a breaker
 * per read ({@code recommendations-product}, {@code recommendations-shopper}; 4xx answers don't
 * count). Any failure ends as {@link RecommendationsUnavailableException}, a 4xx as
 * {@link NothingToRecommendException}; {@link RecommendationsClient} turns both into "no section".
 */
@ApplicationScoped
class GuardedRecommendations {

    private final RecommendationsApi api;

    GuardedRecommendations(@RestClient RecommendationsApi api) {
        this.api = api;
    }

    @AsynchronousNonBlocking
    @Timeout(250)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = NothingToRecommendException.class)
    @CircuitBreakerName("recommendations-product")
    @Fallback(fallbackMethod = "unavailable", skipOn = {NothingToRecommendException.class, RecommendationsUnavailableException.class})
    Uni<JsonNode> forProduct(String sku, int size, String cartId) {
        return classified(api.forProduct(sku, size, cartId));
    }

    @AsynchronousNonBlocking
    @Timeout(250)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = NothingToRecommendException.class)
    @CircuitBreakerName("recommendations-shopper")
    @Fallback(fallbackMethod = "unavailable", skipOn = {NothingToRecommendException.class, RecommendationsUnavailableException.class})
    Uni<JsonNode> forShopper(String shopperId, int size, String cartId) {
        return classified(api.forShopper(shopperId, size, cartId));
    }

    Uni<JsonNode> unavailable(String subject, int size, String cartId) {
        return Uni.createFrom().failure(new RecommendationsUnavailableException("recommendations unavailable (timeout or open circuit)"));
    }

    private static Uni<JsonNode> classified(Uni<JsonNode> call) {
        return call.onFailure(f -> !(f instanceof NothingToRecommendException || f instanceof RecommendationsUnavailableException))
                .transform(f -> new RecommendationsUnavailableException("recommendations unreachable: " + f.getClass().getSimpleName()));
    }
}
