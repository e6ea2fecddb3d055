package org.emporium.storefront.client.cart;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.emporium.platform.upstream.ExpiringCache;
import org.jboss.logging.Logger;

/**
 * The shopper's cart as the pages see it. Every change invalidates the cart's cached item count,
 * which the header's mini-cart reads on every page (bounded, a few seconds). A cart the cart
 * service no longer knows (expired) is replaced by a new one when something is added.
 */
@ApplicationScoped
public class CartClient {

    private static final Logger LOG = Logger.getLogger(CartClient.class);

    private final GuardedCart cart;
    private final ExpiringCache<String, Integer> counts;

    CartClient(GuardedCart cart,
               @ConfigProperty(name = "storefront.cache.cart-count-ttl") Duration countTtl,
               @ConfigProperty(name = "storefront.cache.cart-count-size") long countSize) {
        this.cart = cart;
        this.counts = new ExpiringCache<>(countTtl, countSize);
    }

    /** The cart; {@link UpstreamNotFoundException} if it expired, {@link UpstreamUnavailableException} if cart can't answer. */
    public Uni<Cart> cart(String authorization, String id) {
        return cart.get(authorization, id).invoke(c -> counts.put(id, c.itemCount()));
    }

    /**
     * The item count for the header, or null when there is nothing to show (no such cart, cart
     * service down). Never fails.
     */
    public Uni<Integer> itemCount(String authorization, String id) {
        if (!CartIds.isValid(id)) {
            return Uni.createFrom().nullItem();
        }
        return counts.get(id, k -> cart.get(authorization, k).map(Cart::itemCount))
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("no mini-cart count: %s", failure.getMessage());
                    return null;
                });
    }

    /**
     * What became of an add: {@code cartId} is the cart the shopper should keep (null: leave the
     * cookie as it is), {@code refusal} why the cart refused the line (null: added). A refused add
     * to a cart made just for it still names that new cart, which the shopper keeps.
     */
    public record Added(String cartId, UpstreamRejectedException refusal) {
    }

    /**
     * Adds {@code quantity} to the line (a SKU and its options) of the cart {@code id}, creating a cart first when there
     * is none (null id) or the cart service no longer knows it. Answers the cart that now holds the
     * line, which may be new, or the cart's refusal; fails only when the cart can't answer.
     */
    public Uni<Added> add(String authorization, String id, LineKey line, int quantity) {
        if (!CartIds.isValid(id)) {
            return addToNewCart(authorization, line, quantity);
        }
        return cart.add(authorization, id, line, quantity)
                .replaceWith(new Added(id, null))
                .invoke(() -> counts.invalidate(id))
                .onFailure(UpstreamRejectedException.class)
                .recoverWithItem(refusal -> new Added(null, (UpstreamRejectedException) refusal))
                .onFailure(UpstreamNotFoundException.class).recoverWithUni(() -> {
                    counts.invalidate(id);
                    return addToNewCart(authorization, line, quantity);
                });
    }

    /** Sets the quantity of a line (the cart service removes the line at 0 if it allows that; {@link #remove} otherwise). */
    public Uni<Void> changeQuantity(String authorization, String id, LineKey line, int quantity) {
        return cart.change(authorization, id, line, quantity).invoke(() -> counts.invalidate(id))
                .onFailure().invoke(() -> counts.invalidate(id));
    }

    public Uni<Void> remove(String authorization, String id, LineKey line) {
        return cart.remove(authorization, id, line).invoke(() -> counts.invalidate(id))
                .onFailure().invoke(() -> counts.invalidate(id));
    }

    /** Forgets the cached count of one cart (it was just ordered). */
    public void invalidateCount(String id) {
        counts.invalidate(id);
    }

    /** Forgets every cached count. */
    public void invalidateCaches() {
        counts.invalidateAll();
    }

    /**
     * At sign-in: the account's cart with the guest cart {@code guestId} merged into it (or made
     * theirs), or, without a guest cart, the account's latest open cart; empty when there is none.
     */
    public Uni<java.util.Optional<Cart>> adopt(String authorization, String guestId) {
        Uni<Cart> found = CartIds.isValid(guestId) ? cart.merge(authorization, guestId) : cart.mine(authorization);
        return found.invoke(c -> {
                    if (CartIds.isValid(guestId)) {
                        counts.invalidate(guestId);
                    }
                    if (c != null && CartIds.isValid(c.id())) {
                        counts.put(c.id(), c.itemCount());
                    }
                })
                .map(java.util.Optional::ofNullable)
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(java.util.Optional.empty());
    }

    private Uni<Added> addToNewCart(String authorization, LineKey line, int quantity) {
        return cart.create(authorization).flatMap(newId -> cart.add(authorization, newId, line, quantity)
                .replaceWith(new Added(newId, null))
                .onFailure(UpstreamRejectedException.class)
                .recoverWithItem(refusal -> new Added(newId, (UpstreamRejectedException) refusal)));
    }
}
