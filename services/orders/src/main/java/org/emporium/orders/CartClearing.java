package org.emporium.orders;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.emporium.orders.client.CartAndCards;
import org.emporium.orders.persistence.OrderRepository;
import org.jboss.logging.Logger;

/**
 * Empties the cart of every confirmed order, the saga's last step. Done after the confirmation
 * rather than in it, because the cart is no participant that can undo anything; the order
 * remembers whether its cart was cleared, so a cart service that is down is only cleared later,
 * never forgotten. Deleting a cart that is gone already is fine.
 */
@ApplicationScoped
public class CartClearing {

    private static final Logger LOG = Logger.getLogger(CartClearing.class);
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final int BATCH = 50;

    private final OrderRepository orders;
    private final CartAndCards participants;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private Thread thread;

    CartClearing(OrderRepository orders, CartAndCards participants) {
        this.orders = orders;
        this.participants = participants;
    }

    void start(@Observes @Priority(40) StartupEvent event) {
        thread = Thread.ofPlatform().name("cart-clearing").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopRequested.countDown();
        if (thread != null) {
            thread.join(Duration.ofSeconds(5));
        }
    }

    private void run() {
        boolean failing = false;
        while (stopRequested.getCount() > 0) {
            try {
                List<UUID[]> todo = orders.cartsToClear(BATCH);
                RuntimeException failed = null;
                for (UUID[] orderAndCart : todo) {
                    try {
                        participants.clearCart(orderAndCart[1]);
                        orders.markCartCleared(orderAndCart[0]);
                    } catch (CartAndCards.UpstreamRefusal e) {
                        failed = e; // this cart only (e.g. an account's cart and no service token): the others go on
                    }
                }
                if (failed != null) {
                    throw failed;
                }
                if (failing) {
                    LOG.info("clearing carts works again");
                    failing = false;
                }
                if (todo.size() == BATCH) {
                    continue;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.warnf("clearing the carts of confirmed orders failed: %s; trying again", e.toString());
                    failing = true;
                }
            }
            try {
                stopRequested.await(failing ? 5 * INTERVAL.toMillis() : INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
