package org.emporium.storefront.client.recommendations;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.ExpiringCache;
import org.emporium.storefront.client.cart.CartIds;
import org.jboss.logging.Logger;

/**
 * Recommendations as the pages and the mobile API see them. The pages use {@link #alsoBought} and
 * {@link #recommendedFor}, which never fail (an empty list means: leave the section out). The
 * mobile API uses the {@code OrFailure} variants, since it tells its client which part is missing.
 * "Customers also bought" for a visitor without a cart is the same answer for everyone, so it is
 * cached for a few seconds per SKU (the product page is the busiest page); answers that depend on
 * a cart or a shopper are not cached.
 */
@ApplicationScoped
public class RecommendationsClient {

    private static final Logger LOG = Logger.getLogger(RecommendationsClient.class);

    private final GuardedRecommendations recommendations;
    private final int size;
    private final ExpiringCache<String, List<Recommendation>> withoutCart;

    RecommendationsClient(GuardedRecommendations recommendations,
                          @ConfigProperty(name = "storefront.recommendations.size", defaultValue = "6") int size,
                          @ConfigProperty(name = "storefront.cache.recommendations-ttl") Duration ttl,
                          @ConfigProperty(name = "storefront.cache.recommendations-size") long cacheSize) {
        this.recommendations = recommendations;
        this.size = size;
        this.withoutCart = new ExpiringCache<>(ttl, cacheSize);
    }

    /** "Customers also bought" for a product page; empty when there are none or the service can't answer. */
    public Uni<List<Recommendation>> alsoBought(String sku, String cartId) {
        Uni<List<Recommendation>> answer = cartIdOrNull(cartId) == null
                ? withoutCart.get(sku, s -> alsoBoughtOrFailure(s, null))
                : alsoBoughtOrFailure(sku, cartId);
        return orNone(answer, sku);
    }

    /** "Recommended for you"; empty when there are none or the service can't answer. */
    public Uni<List<Recommendation>> recommendedFor(String shopperId, String cartId) {
        // shopper ids have the same shape as cart ids; anything else is never put into a URL
        if (!CartIds.isValid(shopperId)) {
            return Uni.createFrom().item(List.of());
        }
        return orNone(recommendedForOrFailure(shopperId, cartId), "shopper");
    }

    /** Like {@link #alsoBought}, but fails with {@link UpstreamUnavailableException} when the service can't answer. */
    public Uni<List<Recommendation>> alsoBoughtOrFailure(String sku, String cartId) {
        return known(recommendations.forProduct(sku, size, cartIdOrNull(cartId)).map(Recommendation::from));
    }

    public Uni<List<Recommendation>> recommendedForOrFailure(String shopperId, String cartId) {
        return known(recommendations.forShopper(shopperId, size, cartIdOrNull(cartId)).map(Recommendation::from));
    }

    /** A 4xx (unknown product, say) is a valid answer: nothing to recommend. */
    private static Uni<List<Recommendation>> known(Uni<List<Recommendation>> call) {
        return call.onFailure(UpstreamRejectedException.class).recoverWithItem(List.of());
    }

    private static Uni<List<Recommendation>> orNone(Uni<List<Recommendation>> call, String subject) {
        return call.onFailure().recoverWithItem(failure -> {
            LOG.debugf("no recommendations for %s: %s", subject, failure.getMessage());
            return List.of();
        });
    }

    /** The service takes a cart id only as a UUID (and would answer 400 to anything else). */
    private static String cartIdOrNull(String cartId) {
        return CartIds.uuidOrNull(cartId);
    }
}
