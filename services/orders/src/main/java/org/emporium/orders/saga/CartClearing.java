package org.emporium.orders.saga;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ApplicationNotRunning;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.emporium.orders.client.CartAndCards;
import org.emporium.orders.persistence.OrderRepository;
import org.emporium.platform.defaults.BackgroundJobs;
import org.emporium.platform.defaults.OutageLog;
import org.emporium.platform.messaging.Tracing;
import org.emporium.platform.upstream.UpstreamRejectedException;
import org.jboss.logging.Logger;

/**
 * Empties the cart of every confirmed order, the saga's last step. Done after the confirmation
 * rather than in it, because the cart is no participant that can undo anything; the order
 * remembers whether its cart was cleared, so a cart service that is down is only cleared later,
 * never forgotten. Deleting a cart that is gone already is fine. A scheduled job, every second
 * (the scheduler's finest step); while clearing fails, every 2.5 s.
 */
@ApplicationScoped
public class CartClearing {

    private static final Logger LOG = Logger.getLogger(CartClearing.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMillis(2500);
    private static final int BATCH = 50;

    private final OrderRepository orders;
    private final CartAndCards cartAndCards;
    private final BackgroundJobs jobs;
    private final OutageLog outage = new OutageLog(LOG, "clearing the carts of confirmed orders",
            "trying again every " + RETRY_AFTER_FAILURE);
    private volatile long lastFailure;

    CartClearing(OrderRepository orders, CartAndCards cartAndCards, BackgroundJobs jobs) {
        this.orders = orders;
        this.cartAndCards = cartAndCards;
        this.jobs = jobs;
    }

    @Scheduled(identity = "cart-clearing", every = "1s",
            concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = ApplicationNotRunning.class)
    void clear() {
        if (outage.failing() && System.nanoTime() - lastFailure < RETRY_AFTER_FAILURE.toNanos()) {
            return; // a cart service that is down is not asked every second
        }
        jobs.round(outage, this::clearAll);
        if (outage.failing()) {
            lastFailure = System.nanoTime();
        }
    }

    /** Batches until fewer than a full batch was left; throws after the batch in which a cart failed. */
    private void clearAll() {
        int done;
        do {
            List<OrderRepository.CartToClear> todo = orders.cartsToClear(BATCH);
            List<UUID> cleared = new ArrayList<>(todo.size());
            RuntimeException failed = null;
            try {
                for (var order : todo) {
                    // the call to cart continues the order's trace
                    Span span = Tracing.resume("clear cart", order.traceparent());
                    try (Scope ignored = Tracing.activate(span)) {
                        cartAndCards.clearCart(order.cartId());
                        cleared.add(order.orderId());
                    } catch (UpstreamRejectedException e) {
                        failed = e; // this cart only (e.g. an account's cart and no service token): the others go on
                    } finally {
                        span.end();
                    }
                }
            } finally {
                // one commit for the batch, also when the cart service stopped answering halfway; a
                // crash before it only means those carts are cleared again, which changes nothing
                orders.markCartsCleared(cleared);
            }
            if (failed != null) {
                throw failed;
            }
            done = todo.size();
        } while (done == BATCH && !jobs.stopping());
    }
}
