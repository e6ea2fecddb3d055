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
import org.emporium.platform.upstream.UpstreamException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.Upstreams;

/**
 * The recommendation reads under the tightest policy of all: they are an extra on a page that is
 * already being rendered, so 250 ms (the page never waits longer for them), no retry, and a breaker
 * per read ({@code recommendations-product}, {@code recommendations-shopper}; 4xx answers don't
 * count), all declared for the class. Any failure ends as {@link UpstreamUnavailableException}, a
 * 4xx as {@link UpstreamRejectedException}; {@link RecommendationsClient} turns both into "no section".
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(250)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
        skipOn = UpstreamRejectedException.class)
class GuardedRecommendations {

    static final String RECOMMENDATIONS = "recommendations";

    private final RecommendationsApi api;

    GuardedRecommendations(@RestClient RecommendationsApi api) {
        this.api = api;
    }

    @CircuitBreakerName("recommendations-product")
    @Fallback(fallbackMethod = "unavailable", skipOn = UpstreamException.class)
    Uni<JsonNode> forProduct(String sku, int size, String cartId) {
        return classified(api.forProduct(sku, size, cartId));
    }

    @CircuitBreakerName("recommendations-shopper")
    @Fallback(fallbackMethod = "unavailable", skipOn = UpstreamException.class)
    Uni<JsonNode> forShopper(String shopperId, int size, String cartId) {
        return classified(api.forShopper(shopperId, size, cartId));
    }

    /** Reached on timeout or open breaker; private, so the class's policy doesn't apply to it. */
    private Uni<JsonNode> unavailable(String subject, int size, String cartId) {
        return Uni.createFrom().failure(UpstreamUnavailableException.timedOutOrOpen(RECOMMENDATIONS));
    }

    private static Uni<JsonNode> classified(Uni<JsonNode> call) {
        return call.onFailure().transform(f -> Upstreams.classify(RECOMMENDATIONS, f));
    }
}
