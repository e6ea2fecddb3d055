package org.emporium.orders.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.emporium.platform.auth.ServiceTokens;
import org.jboss.logging.Logger;

/**
 * The synchronous calls around checkout: the cart (its snapshot at placement, emptying it after
 * confirmation) and card tokenization at payments. Not the saga's participants: inventory and
 * payments take part in the saga over Kafka only ({@code messaging}).
 *
 * <p>Under checkout's fault tolerance policy: bounded in time, retried a little
 * with jitter (all three calls are safe to repeat), a breaker per call that stops calling a
 * service that keeps failing. Whatever goes wrong surfaces as an {@link UpstreamException};
 * a missing cart is an empty result.
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
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 6000, abortOn = UpstreamRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UpstreamRefusal.class)
    public Optional<CartSnapshot> cart(UUID id, String authorization) {
        try {
            return Optional.of(carts.cart(id, authorization));
        } catch (UpstreamException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e.refused() ? new UpstreamRefusal(e) : e;
        } catch (RuntimeException e) {
            throw unreachable("cart", e);
        }
    }

    @Timeout(2500)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 5000, abortOn = UpstreamRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UpstreamRefusal.class)
    public CardToken tokenize(PaymentsApi.Card card) {
        try {
            return payments.tokenize(card);
        } catch (UpstreamException e) {
            throw e.refused() || e.notFound() ? new UpstreamRefusal(e) : e;
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
    @Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = UpstreamRefusal.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            skipOn = UpstreamRefusal.class)
    public void clearCart(UUID id) {
        try {
            try {
                carts.clear(id, serviceAuthorization());
            } catch (UpstreamException e) {
                if (e.status() != 401) {
                    throw e;
                }
                tokens.invalidate();
                carts.clear(id, serviceAuthorization());
            }
        } catch (UpstreamException e) {
            if (!e.notFound()) {
                throw e.refused() ? new UpstreamRefusal(e) : e;
            }
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

    private static UpstreamException unreachable(String service, RuntimeException e) {
        if (e instanceof UpstreamException u) {
            return u;
        }
        return new UpstreamException(service, 0, service + " unreachable: " + e.getClass().getSimpleName(), e);
    }

    /** The other side said no (4xx): retrying cannot help, and it says nothing about its health. */
    public static final class UpstreamRefusal extends UpstreamException {
        UpstreamRefusal(UpstreamException cause) {
            super(cause.service(), cause.status(), cause.getMessage(), cause);
        }
    }
}
