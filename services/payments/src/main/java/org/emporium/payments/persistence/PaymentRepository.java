package org.emporium.payments.persistence;

import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.emporium.payments.domain.Authorization;
import org.emporium.payments.domain.LedgerEntry;
import org.emporium.payments.domain.Money;
import org.emporium.payments.domain.Payment;
import org.emporium.payments.domain.PaymentStatus;
import org.emporium.payments.events.PaymentEvents;
import org.emporium.platform.jdbc.Transactions;
import org.emporium.platform.outbox.Outbox;

/**
 * Payments, their ledger and their events. A state change, its ledger entry and the event
 * announcing it commit together or not at all: each operation called on the repository is one
 * transaction, and a {@link #batch} runs many operations (the saga's commands, a poll at a time)
 * in one. A change is applied only if the payment is still in the state the caller expects,
 * checked under the row lock, so concurrent attempts (a redelivered command, the authorization
 * worker, the recovery job) make the change once and the others find it done.
 */
@ApplicationScoped
public class PaymentRepository implements PaymentStore {

    private static final String COLUMNS = "id, order_id, status, amount, currency, card_token, card_last4, card_brand, "
            + "authorization_code, failure_code, failure_reason, void_requested_at, created_at, updated_at";

    /** What failed when an operation of a {@link #batch} fails: the batch, on the batch's connection. */
    private static final String BATCH_OPERATION = "an operation of a batch of payment commands";

    private final DataSource dataSource;
    private final Outbox outbox;

    public PaymentRepository(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** What an authorization request records before the provider is asked. */
    public record NewPayment(UUID id, UUID orderId, Money amount, String cardToken, String last4, String brand) {
    }

    /**
     * Many operations in one transaction (one commit, one fsync, one relay round) instead of one
     * each. First the rows of the payments named by {@code paymentIds} that exist are locked, in
     * id order: two batches over the same payments (a rebalance lets two instances work one
     * partition for a moment) then wait for each other instead of deadlocking, and nothing else
     * changes these rows before the batch commits. The work runs its operations in order on the
     * {@link PaymentStore} it is given; payments it opens are inserted as it goes (the single
     * operations' order). An operation the caller refuses must throw before it writes anything,
     * so that catching the refusal leaves the batch as if the command had not been there (no
     * savepoint per command: a transaction with more than 64 subtransactions that wrote slows
     * every snapshot of the database). Anything thrown out of the work rolls back all of it, and
     * the actions of {@link PaymentStore#afterCommit} run only after the commit.
     *
     * @param paymentIds every payment the work may change
     */
    public <T> T batch(Set<UUID> paymentIds, Function<PaymentStore, T> work) {
        List<Runnable> committed = new ArrayList<>();
        T result = Transactions.run(dataSource, "applying a batch of payment commands", c -> {
            lock(c, paymentIds);
            return work.apply(new PaymentStore() {
                @Override
                public Optional<Payment> find(UUID id) {
                    return Transactions.within(c, BATCH_OPERATION, t -> select(t, id, false));
                }

                @Override
                public boolean open(NewPayment p) {
                    return Transactions.within(c, BATCH_OPERATION, t -> insert(t, p));
                }

                @Override
                public Optional<Payment> transition(UUID id, PaymentStatus to, String detail, Predicate<Payment> allowed) {
                    return Transactions.within(c, BATCH_OPERATION, t -> move(t, id, to, detail, allowed));
                }

                @Override
                public Optional<Payment> requestVoid(UUID id) {
                    return Transactions.within(c, BATCH_OPERATION, t -> markVoidRequested(t, id));
                }

                @Override
                public void afterCommit(Runnable action) {
                    // in the context of the operation that asked: the worker continues its trace
                    committed.add(Context.current().wrap(action));
                }
            });
        });
        committed.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        action.run();
    }

    @Override
    public Optional<Payment> find(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            return select(c, id, false);
        } catch (SQLException e) {
            throw new IllegalStateException("reading payment " + id + " failed", e);
        }
    }

    public List<Payment> findByOrder(UUID orderId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM payment WHERE order_id = ? ORDER BY created_at")) {
            s.setObject(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                List<Payment> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(payment(rs));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the payments of order " + orderId + " failed", e);
        }
    }

    public List<LedgerEntry> ledger(UUID paymentId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, payment_id, from_status, to_status, amount, currency, at, "
                     + "detail FROM payment_ledger WHERE payment_id = ? ORDER BY id")) {
            s.setObject(1, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                List<LedgerEntry> entries = new ArrayList<>();
                while (rs.next()) {
                    String from = rs.getString(3);
                    entries.add(new LedgerEntry(rs.getLong(1), rs.getObject(2, UUID.class),
                            from == null ? null : PaymentStatus.valueOf(from), PaymentStatus.valueOf(rs.getString(4)),
                            new Money(rs.getBigDecimal(5), rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getString(8)));
                }
                return entries;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the ledger of payment " + paymentId + " failed", e);
        }
    }

    @Override
    public boolean open(NewPayment p) {
        return Transactions.run(dataSource, "recording payment " + p.id(), c -> insert(c, p));
    }

    /**
     * Records the provider's answer to an authorization and publishes the reply. Empty if the
     * payment is no longer AUTHORIZING (another attempt recorded it first).
     */
    public Optional<Payment> recordAuthorization(UUID id, Authorization result) {
        return Transactions.run(dataSource, "recording the authorization of " + id, c -> {
            Optional<Payment> found = select(c, id, true);
            if (found.isEmpty() || found.get().status() != PaymentStatus.AUTHORIZING) {
                return Optional.<Payment>empty();
            }
            PaymentStatus to;
            String code = null;
            String failureCode = null;
            String reason = null;
            String detail;
            switch (result) {
                case Authorization.Approved a -> {
                    to = PaymentStatus.AUTHORIZED;
                    code = a.authorizationCode();
                    detail = "authorized, code " + code;
                }
                case Authorization.Declined d -> {
                    to = PaymentStatus.DECLINED;
                    failureCode = d.code();
                    reason = d.reason();
                    detail = "declined: " + d.code();
                }
                case Authorization.Failed f -> {
                    to = PaymentStatus.FAILED;
                    failureCode = f.code();
                    reason = f.reason();
                    detail = "failed: " + f.code();
                }
            }
            Payment changed;
            try (PreparedStatement s = c.prepareStatement("UPDATE payment SET status = ?, authorization_code = ?, "
                    + "failure_code = ?, failure_reason = ?, updated_at = now() WHERE id = ? RETURNING " + COLUMNS)) {
                s.setString(1, to.name());
                s.setString(2, code);
                s.setString(3, failureCode);
                s.setString(4, reason);
                s.setObject(5, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    changed = payment(rs);
                }
            }
            appendLedger(c, id, PaymentStatus.AUTHORIZING, to, changed.amount(), detail);
            outbox.append(c, PaymentEvents.entered(changed));
            return Optional.of(changed);
        });
    }

    @Override
    public Optional<Payment> transition(UUID id, PaymentStatus to, String detail, Predicate<Payment> allowed) {
        return Transactions.run(dataSource, "moving payment " + id + " to " + to, c -> move(c, id, to, detail, allowed));
    }

    @Override
    public Optional<Payment> requestVoid(UUID id) {
        return Transactions.run(dataSource, "requesting the void of " + id, c -> markVoidRequested(c, id));
    }

    /**
     * Payments left unfinished for longer than {@code age}: authorizations whose process died
     * (or whose provider call failed), and authorized payments whose requested void was not done.
     */
    public List<UUID> unfinished(Duration age, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM payment WHERE (status = 'AUTHORIZING' "
                     + "OR (status = 'AUTHORIZED' AND void_requested_at IS NOT NULL)) "
                     + "AND updated_at < now() - ? * interval '1 millisecond' ORDER BY updated_at LIMIT ?")) {
            s.setLong(1, age.toMillis());
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                List<UUID> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
                return ids;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("finding unfinished payments failed", e);
        }
    }

    private static boolean insert(Connection c, NewPayment p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO payment (id, order_id, status, amount, currency, "
                + "card_token, card_last4, card_brand) VALUES (?, ?, 'AUTHORIZING', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            s.setObject(1, p.id());
            s.setObject(2, p.orderId());
            s.setBigDecimal(3, p.amount().amount());
            s.setString(4, p.amount().currency());
            s.setString(5, p.cardToken());
            s.setString(6, p.last4());
            s.setString(7, p.brand());
            if (s.executeUpdate() == 0) {
                return false;
            }
        }
        appendLedger(c, p.id(), null, PaymentStatus.AUTHORIZING, p.amount(), "authorization requested");
        return true;
    }

    private Optional<Payment> move(Connection c, UUID id, PaymentStatus to, String detail, Predicate<Payment> allowed)
            throws SQLException {
        Optional<Payment> found = select(c, id, true);
        if (found.isEmpty() || !found.get().status().canBecome(to) || !allowed.test(found.get())) {
            return Optional.empty();
        }
        Payment changed;
        try (PreparedStatement s = c.prepareStatement("UPDATE payment SET status = ?, updated_at = now() "
                + "WHERE id = ? RETURNING " + COLUMNS)) {
            s.setString(1, to.name());
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                changed = payment(rs);
            }
        }
        appendLedger(c, id, found.get().status(), to, changed.amount(), detail);
        outbox.append(c, PaymentEvents.entered(changed));
        return Optional.of(changed);
    }

    private static Optional<Payment> markVoidRequested(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE payment SET void_requested_at = "
                + "coalesce(void_requested_at, now()) WHERE id = ? AND status IN ('AUTHORIZING', 'AUTHORIZED') RETURNING " + COLUMNS)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(payment(rs)) : Optional.empty();
            }
        }
    }

    /** Locks the rows of these payments that exist, in id order. */
    private static void lock(Connection c, Set<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM payment WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    // locked as read
                }
            }
        }
    }

    private static void appendLedger(Connection c, UUID id, PaymentStatus from, PaymentStatus to, Money amount,
                                     String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO payment_ledger (payment_id, from_status, to_status, "
                + "amount, currency, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, from == null ? null : from.name());
            s.setString(3, to.name());
            s.setBigDecimal(4, amount.amount());
            s.setString(5, amount.currency());
            s.setString(6, detail);
            s.executeUpdate();
        }
    }

    private static Optional<Payment> select(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM payment WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(payment(rs)) : Optional.empty();
            }
        }
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        return new Payment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), PaymentStatus.valueOf(rs.getString(3)),
                new Money(rs.getBigDecimal(4), rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
