package org.emporium.orders.api;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.emporium.orders.domain.Order;
import org.emporium.orders.domain.OrderStatus;
import org.emporium.orders.persistence.OrderRepository;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Live order status for server-sent events. A trigger notifies channel {@code order_status} on
 * every status change (whichever instance made it); one connection per instance LISTENs and
 * wakes the streams of that order, which read the order and send it. A stream ends once the
 * order is CONFIRMED or CANCELLED, or after {@link #MAX_FOLLOW}; a client reconnects for more.
 */
@ApplicationScoped
public class OrderStatusFeed {

    private static final Logger LOG = Logger.getLogger(OrderStatusFeed.class);
    static final Duration MAX_FOLLOW = Duration.ofMinutes(2);

    private final DataSource dataSource;
    private final OrderRepository orders;
    private final Map<UUID, Set<MultiEmitter<? super OrderView>>> followers = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private Thread listener;

    OrderStatusFeed(DataSource dataSource, OrderRepository orders) {
        this.dataSource = dataSource;
        this.orders = orders;
    }

    void start(@Observes StartupEvent event) {
        listener = Thread.ofPlatform().name("order-status-listener").daemon().start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        followers.values().forEach(set -> set.forEach(MultiEmitter::complete));
        if (listener != null) {
            listener.join(Duration.ofSeconds(3));
        }
    }

    /** The order now, then at each change of its status, completing at the end state. */
    public Multi<OrderView> follow(UUID orderId) {
        return Multi.createFrom().<OrderView>emitter(emitter -> {
            followers.computeIfAbsent(orderId, id -> ConcurrentHashMap.newKeySet()).add(emitter);
            emitter.onTermination(() -> followers.computeIfPresent(orderId, (id, set) -> {
                set.remove(emitter);
                return set.isEmpty() ? null : set;
            }));
            send(orderId, emitter); // after registering: a change in between is not missed
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .select().first(MAX_FOLLOW);
    }

    private void send(UUID orderId, MultiEmitter<? super OrderView> emitter) {
        try {
            Optional<Order> order = orders.find(orderId);
            if (order.isEmpty()) {
                emitter.complete();
                return;
            }
            emitter.emit(OrderView.of(order.get()));
            if (order.get().status() != OrderStatus.PENDING) {
                emitter.complete();
            }
        } catch (RuntimeException e) {
            emitter.fail(e);
        }
    }

    private void wake(UUID orderId) {
        Set<MultiEmitter<? super OrderView>> set = followers.get(orderId);
        if (set != null) {
            for (MultiEmitter<? super OrderView> emitter : set) {
                Infrastructure.getDefaultWorkerPool().execute(() -> send(orderId, emitter));
            }
        }
    }

    private void listen() {
        boolean failing = false;
        while (!stopping) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("LISTEN order_status");
                if (failing) {
                    LOG.info("listening for order status changes works again");
                    failing = false;
                }
                // a change made while we were not listening: every follower reads its order again
                followers.keySet().forEach(this::wake);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            wake(UUID.fromString(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping && !failing) {
                    LOG.warnf("listening for order status changes failed: %s; retrying", e.toString());
                    failing = true;
                }
                try {
                    Thread.sleep(1000); // a pause between reconnects, not a wait for a result
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
