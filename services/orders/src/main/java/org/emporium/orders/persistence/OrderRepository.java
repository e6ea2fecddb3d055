package org.emporium.orders.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.orders.domain.CancelReason;
import org.emporium.orders.domain.Decision;
import org.emporium.orders.domain.Order;
import org.emporium.orders.domain.Step;
import org.emporium.platform.jdbc.Transactions;
import org.emporium.platform.messaging.Tracing;

/**
 * Orders and their saga state in Postgres, in SQL and nothing else. The saga's writes take the
 * caller's connection, so that {@code CheckoutSaga} puts them and the messages they cause in one
 * transaction; reads for the API open their own.
 */
@ApplicationScoped
public class OrderRepository {

    private static final TypeReference<Map<String, String>> OPTIONS = new TypeReference<>() { };
    private static final String ORDER_COLUMNS = "id, cart_id, owner, email, shipping_address, card_token, card_last4, "
            + "card_brand, currency, total, step, attempts, reason, detail, created_at, updated_at, confirmed_at, "
            + "cancelled_at";

    private final DataSource dataSource;
    private final ObjectMapper json;

    OrderRepository(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** The outcome of placing: a new order, or the order an earlier request with this key made. */
    public sealed interface Placement {
        record Created(Order order) implements Placement {
        }

        record Earlier(UUID orderId, String requestHash) implements Placement {
        }
    }

    /** The order an Idempotency-Key made, with the hash of the request that made it. */
    public Optional<Placement.Earlier> byIdempotencyKey(String key) {
        return Transactions.run(dataSource, "reading an idempotency key", c -> earlier(c, key));
    }

    /** How many orders the saga is working on (all instances'), counted up to {@code upTo}. */
    public int countPending(int upTo) {
        return Transactions.run(dataSource, "counting pending orders", c -> {
            // the deadline index holds exactly the pending orders: an index-only count
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM orders "
                    + "WHERE status = 'PENDING' LIMIT ?) pending")) {
                ps.setInt(1, upTo);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * Stores a new order, its lines, its Idempotency-Key and its first step, whose deadline is
     * {@code timeout} from now. False if a concurrent request with the same key won the race
     * (the insert waited for its commit): then the caller rolls back, and ours never existed.
     */
    public boolean insert(Connection c, Order order, String idempotencyKey, String requestHash, Duration timeout)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, cart_id, email, shipping_address, "
                + "card_token, card_last4, card_brand, currency, total, status, step, attempts, deadline, "
                + "created_at, updated_at, owner, traceparent) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, 1, "
                + "now() + ? * interval '1 millisecond', ?, ?, ?, ?)")) {
            ps.setObject(1, order.id());
            ps.setObject(2, order.cartId());
            ps.setString(3, order.email());
            ps.setString(4, toJson(order.shippingAddress()));
            ps.setString(5, order.card().token());
            ps.setString(6, order.card().last4());
            ps.setString(7, order.card().brand());
            ps.setString(8, order.currency());
            ps.setBigDecimal(9, order.total());
            ps.setString(10, order.status().name());
            ps.setString(11, order.step().name());
            ps.setLong(12, timeout.toMillis());
            ps.setTimestamp(13, Timestamp.from(order.createdAt()));
            ps.setTimestamp(14, Timestamp.from(order.createdAt()));
            ps.setString(15, order.owner());
            ps.setString(16, Tracing.current().get("traceparent"));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_line (order_id, sku, name, quantity, "
                + "unit_price, line_total, options, line_no) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
            int number = 0;
            for (Order.Line line : order.lines()) {
                ps.setObject(1, order.id());
                ps.setString(2, line.sku());
                ps.setString(3, line.name());
                ps.setInt(4, line.quantity());
                ps.setBigDecimal(5, line.unitPrice());
                ps.setBigDecimal(6, line.lineTotal());
                ps.setString(7, json(line.options()));
                ps.setInt(8, number++);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_key (key, request_hash, order_id) "
                + "VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING")) {
            ps.setString(1, idempotencyKey);
            ps.setString(2, requestHash);
            ps.setObject(3, order.id());
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        recordStep(c, order.id(), order.step(), "placed");
        return true;
    }

    public Optional<Order> find(UUID id) {
        return Transactions.run(dataSource, "reading order " + id, c -> load(c, id, false, true));
    }

    /** One page of an account's orders, newest first, with their lines (no step history). */
    public record Page(List<Order> orders, long total) {
    }

    /** The orders of {@code owner}, newest first: {@code size} of them from {@code offset}, and how many there are. */
    public Page ofOwner(String owner, long offset, int size) {
        return Transactions.run(dataSource, "reading the orders of an account", c -> {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // the page and its count agree
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM orders WHERE owner = ?")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM orders WHERE owner = ? "
                    + "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")) {
                ps.setString(1, owner);
                ps.setInt(2, size);
                ps.setLong(3, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            List<Order> page = new ArrayList<>();
            for (UUID id : ids) {
                load(c, id, false, false).ifPresent(page::add);
            }
            return new Page(List.copyOf(page), total);
        });
    }

    /** The order, its row locked until the transaction ends: one saga step at a time per order. */
    public Optional<Order> lock(Connection c, UUID id) throws SQLException {
        return load(c, id, true, false); // a step needs no history
    }

    /** A pending order whose step timed out, and the trace it was placed in (null: none). */
    public record Overdue(UUID orderId, String traceparent) {
    }

    /**
     * Locks up to {@code limit} pending orders whose step timed out, and answers their ids. SKIP
     * LOCKED: an order a reply is moving right now is left to it, and several instances share the
     * work without waiting on each other. Deadlines use the database's clock.
     */
    public List<Overdue> lockOverdue(Connection c, int limit) throws SQLException {
        List<Overdue> overdue = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, traceparent FROM orders WHERE status = 'PENDING' "
                + "AND deadline <= now() ORDER BY deadline LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    overdue.add(new Overdue(rs.getObject(1, UUID.class), rs.getString(2)));
                }
            }
        }
        return overdue;
    }

    /**
     * Writes what the saga decided for an order: its next step, sent {@code attempts} times,
     * waiting {@code timeout} (null: for nothing), and the step in its history with its cause.
     */
    public void store(Connection c, UUID orderId, Decision d, int attempts, Duration timeout, String cause,
                      Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET step = ?, status = ?, attempts = ?, "
                + "deadline = CASE WHEN ? < 0 THEN NULL ELSE now() + ? * interval '1 millisecond' END, "
                + "reason = ?, detail = ?, updated_at = ?, "
                + "confirmed_at = CASE WHEN ? = 'CONFIRMED' THEN ? ELSE confirmed_at END, "
                + "cancelled_at = CASE WHEN ? = 'CANCELLED' THEN ? ELSE cancelled_at END WHERE id = ?")) {
            long millis = timeout == null ? -1 : timeout.toMillis();
            ps.setString(1, d.next().name());
            ps.setString(2, d.next().status().name());
            ps.setInt(3, attempts);
            ps.setLong(4, millis);
            ps.setLong(5, millis);
            ps.setString(6, d.reason() == null ? null : d.reason().name());
            ps.setString(7, d.detail());
            ps.setTimestamp(8, Timestamp.from(now));
            ps.setString(9, d.next().name());
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setString(11, d.next().name());
            ps.setTimestamp(12, Timestamp.from(now));
            ps.setObject(13, orderId);
            ps.executeUpdate();
        }
        recordStep(c, orderId, d.next(), cause);
    }

    /** A confirmed order whose cart is still to be emptied, and the trace it was placed in (null: none). */
    public record CartToClear(UUID orderId, UUID cartId, String traceparent) {
    }

    /** Confirmed orders whose cart is still to be emptied, oldest confirmation first. */
    public List<CartToClear> cartsToClear(int limit) {
        return Transactions.run(dataSource, "finding carts to clear", c -> {
            List<CartToClear> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, cart_id, traceparent FROM orders "
                    + "WHERE status = 'CONFIRMED' AND NOT cart_cleared ORDER BY confirmed_at LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new CartToClear(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getString(3)));
                    }
                }
            }
            return result;
        });
    }

    /** Records that the carts of {@code orderIds} are emptied, in one statement and one commit. */
    public void markCartsCleared(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        Transactions.run(dataSource, "marking the carts of " + orderIds.size() + " orders cleared", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET cart_cleared = true WHERE id = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", orderIds.toArray()));
                return ps.executeUpdate();
            }
        });
    }

    private static void recordStep(Connection c, UUID orderId, Step step, String cause) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO order_step (order_id, seq, step, cause) "
                + "SELECT ?, coalesce(max(seq), 0) + 1, ?, ? FROM order_step WHERE order_id = ?")) {
            ps.setObject(1, orderId);
            ps.setString(2, step.name());
            ps.setString(3, cause);
            ps.setObject(4, orderId);
            ps.executeUpdate();
        }
    }

    private static Optional<Placement.Earlier> earlier(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT order_id, request_hash FROM idempotency_key WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Placement.Earlier(rs.getObject(1, UUID.class), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    private Optional<Order> load(Connection c, UUID id, boolean lock, boolean withHistory) throws SQLException {
        Order head;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String reason = rs.getString("reason");
                head = new Order(id, rs.getObject("cart_id", UUID.class), rs.getString("owner"), rs.getString("email"),
                        fromJson(rs.getString("shipping_address")),
                        new Order.Card(rs.getString("card_token"), rs.getString("card_last4"),
                                rs.getString("card_brand")),
                        List.of(), rs.getBigDecimal("total"), rs.getString("currency"),
                        Step.valueOf(rs.getString("step")), rs.getInt("attempts"),
                        reason == null ? null : CancelReason.valueOf(reason), rs.getString("detail"),
                        instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "confirmed_at"),
                        instant(rs, "cancelled_at"), List.of());
            }
        }
        List<Order.Line> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sku, name, quantity, unit_price, line_total, options "
                + "FROM order_line WHERE order_id = ? ORDER BY sku, line_no")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Order.Line(rs.getString(1), options(rs.getString(6)), rs.getString(2), rs.getInt(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
        }
        List<Order.StepTaken> history = new ArrayList<>();
        if (withHistory) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT step, cause, at FROM order_step WHERE order_id = ? ORDER BY seq")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        history.add(new Order.StepTaken(Step.valueOf(rs.getString(1)), rs.getString(2),
                                rs.getTimestamp(3).toInstant()));
                    }
                }
            }
        }
        return Optional.of(new Order(head.id(), head.cartId(), head.owner(), head.email(), head.shippingAddress(), head.card(),
                List.copyOf(lines), head.total(), head.currency(), head.step(), head.attempts(), head.reason(),
                head.detail(), head.createdAt(), head.updatedAt(), head.confirmedAt(), head.cancelledAt(),
                List.copyOf(history)));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String toJson(Order.Address address) {
        try {
            return json.writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an address as JSON", e);
        }
    }

    private String json(Map<String, String> options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a line's options as JSON", e);
        }
    }

    private Map<String, String> options(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, OPTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored line's options are not readable", e);
        }
    }

    private Order.Address fromJson(String text) {
        try {
            return json.readValue(text, Order.Address.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored address is not readable", e);
        }
    }
}
