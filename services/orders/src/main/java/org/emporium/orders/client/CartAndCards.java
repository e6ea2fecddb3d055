package org.emporium.orders.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.platform.auth.ServiceTokens;
import org.emporium.platform.upstream.UpstreamException;
import org.emporium.platform.upstream.UpstreamNotFoundException;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.emporium.platform.upstream.UpstreamUnavailableException;
import org.jboss.logging.Logger;

/**
 * The synchronous calls around checkout: the cart (its snapshot at placement, emptying it after
 * confirmation) and card tokenization at payments. Not the saga's participants: inventory and
 * payments take part in the saga over Kafka only ({@code messaging}).
 *
 * <p>Under checkout's fault tolerance policy: bounded in time, retried a little
 * with jitter (all three calls are safe to repeat), a breaker per call that stops calling a
 * service that keeps failing. Whatever goes wrong surfaces as one of the platform's
 * {@link UpstreamException}s: {@link UpstreamRejectedException} (a 4xx: never retried, never counted
 * by a breaker) or {@link UpstreamUnavailableException}; a missing cart is an empty result.
 */
@ApplicationScoped
public class CartAndCards {

    private static final Logger LOG = Logger.getLogger(CartAndCards.class);

    private final CartApi carts;
    private final PaymentsApi payments;
    private final ServiceTokens tokens;

    CartAndCards(@RestClient CartApi carts, @RestClient PaymentsApi payments, ServiceTokens tokens) {
        this.carts = carts;
        this.payments = payments;
        this.tokens = tokens;
    }

    @Timeout(3500)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 6000, abortOn = UpstreamRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UpstreamRejectedException.class)
    public Optional<CartSnapshot> cart(UUID id, String authorization) {
        try {
            return Optional.of(carts.cart(id, authorization));
        } catch (UpstreamNotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw unreachable("cart", e);
        }
    }

    @Timeout(2500)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 5000, abortOn = UpstreamRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UpstreamRejectedException.class)
    public CardToken tokenize(PaymentsApi.Card card) {
        try {
            return payments.tokenize(card);
        } catch (UpstreamNotFoundException e) {
            // no card endpoint where one must be: payments refuses, retrying cannot help
            throw new UpstreamRejectedException("payments", 404);
        } catch (RuntimeException e) {
            throw unreachable("payments", e);
        }
    }

    /**
     * Empties a confirmed order's cart; a cart that is gone already is fine. Acts for no user, so
     * it sends this service's own client-credentials token (the cart may belong to an account); a
     * 401 means the token was refused: it is fetched again and the call made once more.
     */
    @Timeout(3500)
    @Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = UpstreamRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UpstreamRejectedException.class)
    public void clearCart(UUID id) {
        try {
            try {
                carts.clear(id, serviceAuthorization());
            } catch (UpstreamRejectedException e) {
                if (e.status() != 401) {
                    throw e;
                }
                tokens.invalidate();
                carts.clear(id, serviceAuthorization());
            }
        } catch (UpstreamNotFoundException e) {
            // gone already: nothing to clear
        } catch (RuntimeException e) {
            throw unreachable("cart", e);
        }
    }

    /**
     * This service's bearer token; without a configured client secret (identity not deployed) no
     * header at all, so guest carts are still cleared and an account's cart answers 401 (kept
     * for a later round).
     */
    private String serviceAuthorization() {
        try {
            return "Bearer " + tokens.token();
        } catch (IllegalStateException e) {
            LOG.debugf("no service token, calling without one: %s", e.getMessage());
            return null;
        }
    }

    /** Any failure but the three kinds (a refused connection, a read timeout) is the service being unavailable: retried. */
    private static UpstreamException unreachable(String service, RuntimeException e) {
        if (e instanceof UpstreamException u) {
            return u;
        }
        return new UpstreamUnavailableException(service, service + " unreachable: " + e.getClass().getSimpleName(), e);
    }
}
