package org.emporium.orders.saga;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.orders.domain.Checkout;
import org.emporium.orders.domain.Command;
import org.emporium.orders.domain.Decision;
import org.emporium.orders.domain.Order;
import org.emporium.orders.domain.Reply;
import org.emporium.orders.domain.Step;
import org.emporium.orders.messaging.SagaMessages;
import org.emporium.orders.messaging.SagaReplies;
import org.emporium.orders.persistence.OrderRepository;
import org.emporium.orders.persistence.OrderRepository.Placement;
import org.emporium.platform.jdbc.Transactions;
import org.emporium.platform.messaging.Tracing;
import org.emporium.platform.outbox.Outbox;
import org.emporium.platform.outbox.OutboxEvent;
import org.jboss.logging.Logger;

/**
 * Runs the checkout saga ({@link Checkout}) against the database: every step is one local
 * transaction that locks the order's row, lets the saga decide, stores the new step with its
 * deadline and history, and appends the commands and events it causes to the outbox. A crash
 * keeps all of it or none, and a reply and a deadline never move one order at once.
 */
@ApplicationScoped
public class CheckoutSaga {

    private static final Logger LOG = Logger.getLogger(CheckoutSaga.class);

    private final DataSource dataSource;
    private final OrderRepository orders;
    private final Outbox outbox;
    private final SagaSettings settings;
    private final MeterRegistry metrics;

    CheckoutSaga(DataSource dataSource, OrderRepository orders, Outbox outbox, SagaSettings settings,
                 MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.orders = orders;
        this.outbox = outbox;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * Starts a new order's checkout: stores it at the first step with its OrderPlaced event and
     * first command. If a concurrent request with the same key won the race, nothing is stored and
     * that order is answered instead.
     */
    public Placement start(Order order, String idempotencyKey, String requestHash) {
        Optional<Placement> result = Transactions.run(dataSource, "placing order " + order.id(), c -> {
            if (!orders.insert(c, order, idempotencyKey, requestHash, settings.timeout(order.step()))) {
                c.rollback(); // the other request's order stands; ours never existed
                return Optional.empty();
            }
            outbox.appendAll(c, List.of(SagaMessages.placed(order), command(order, Checkout.FIRST_COMMAND)));
            return Optional.of(new Placement.Created(order));
        });
        // the insert waited for the winner's commit, so its key is readable now
        return result.orElseGet(() -> orders.byIdempotencyKey(idempotencyKey).orElseThrow(
                () -> new IllegalStateException("idempotency key " + idempotencyKey + " vanished")));
    }

    /**
     * Applies many replies in one transaction, in the order given (a reply for an order appears
     * after that order's earlier replies, as on its partition); all or nothing. A reply for no
     * order of ours (a reservation or payment made through the REST APIs) is dropped.
     */
    public void apply(List<SagaReplies.Addressed> replies) {
        Transactions.run(dataSource, "applying " + replies.size() + " replies", c -> {
            for (var reply : replies) {
                // the commands and events this reply causes continue the order's trace
                try (Scope ignored = reply.event().activate()) {
                    Optional<Order> order = orders.lock(c, reply.orderId());
                    if (order.isPresent()) {
                        step(c, order.get(), reply.reply());
                    }
                }
            }
            return null;
        });
    }

    /** Applies "deadline passed" to up to {@code limit} orders whose step timed out, in one transaction; answers how many. */
    public int timeOut(int limit) {
        return Transactions.run(dataSource, "timing out orders", c -> {
            List<OrderRepository.Overdue> overdue = orders.lockOverdue(c, limit);
            for (var order : overdue) {
                // the command sent again, or the compensation, continues the order's trace
                Span span = Tracing.resume("saga deadline passed", order.traceparent());
                try (Scope ignored = Tracing.activate(span)) {
                    step(c, orders.lock(c, order.orderId()).orElseThrow(), new Reply.DeadlinePassed());
                } finally {
                    span.end();
                }
            }
            return overdue.size();
        });
    }

    /** Decide, store, append to the outbox; a reply that does not fit the order's step changes nothing. */
    private void step(Connection c, Order order, Reply reply) throws SQLException {
        Optional<Decision> decided = settings.checkout().decide(order.step(), order.attempts(), reply);
        if (decided.isEmpty()) {
            LOG.debugf("order %s at %s: %s changes nothing", order.id(), order.step(), reply);
            return;
        }
        Decision d = decided.get();
        Instant now = Instant.now();
        int attempts = d.retry() ? order.attempts() + 1 : 1;
        String cause = reply.getClass().getSimpleName() + (d.retry() ? " (attempt " + attempts + ")" : "");
        orders.store(c, order.id(), d, attempts, settings.timeout(d.next()), cause, now);
        outbox.appendAll(c, messages(order, d, now));
        measure(order, reply, d, now);
        if (d.next() != order.step() || d.retry()) {
            LOG.debugf("order %s: %s → %s after %s", order.id(), order.step(), d.next(), cause);
        }
    }

    /**
     * Each step's duration by step, the reply that ended it and where it went
     * ({@code emporium_saga_step_seconds}), and each checkout's from placed to confirmed or
     * cancelled ({@code emporium_checkout_seconds}, with buckets for its p99). Recorded in the
     * transaction: a batch that rolls back and is retried counts its steps twice, which is rare.
     */
    private void measure(Order order, Reply reply, Decision d, Instant now) {
        Timer.builder("emporium.saga.step").description("time an order spent at a step of the checkout saga")
                .tag("step", order.step().name()).tag("reply", reply.getClass().getSimpleName())
                .tag("next", d.next().name())
                .register(metrics).record(Duration.between(order.updatedAt(), now));
        if (d.next() == Step.CONFIRMED || d.next() == Step.CANCELLED) {
            Timer.builder("emporium.checkout").description("time from an order placed to confirmed or cancelled")
                    .tag("outcome", d.next().name())
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(metrics).record(Duration.between(order.createdAt(), now));
        }
    }

    /** The decision's commands, then the order's event if it ended. */
    private List<OutboxEvent> messages(Order order, Decision d, Instant now) {
        List<OutboxEvent> messages = new ArrayList<>();
        for (Command command : d.commands()) {
            messages.add(command(order, command));
        }
        if (d.next() == Step.CONFIRMED) {
            messages.add(SagaMessages.confirmed(order, now));
        } else if (d.next() == Step.CANCELLED) {
            messages.add(SagaMessages.cancelled(order, d.reason().name(), d.detail(), now));
        }
        return messages;
    }

    private OutboxEvent command(Order order, Command command) {
        return SagaMessages.command(order, command, settings.reservationTtlSeconds());
    }
}
