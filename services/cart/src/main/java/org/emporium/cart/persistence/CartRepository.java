package org.emporium.cart.persistence;

import org.emporium.platform.outbox.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartLine;
import org.emporium.cart.domain.CartRefusal;
import org.emporium.cart.domain.CartRules;
import org.emporium.cart.domain.NotInCart;
import org.emporium.cart.events.CartEvents;
import org.emporium.platform.outbox.Outbox;

/**
 * Carts and their lines. Every change runs in one transaction that first locks the cart row
 * ({@code SELECT ... FOR UPDATE}), then changes the lines, bumps the version by one and appends
 * exactly one event to the outbox: concurrent changes of one cart queue on the lock, so versions
 * and events follow commit order. A change that changes nothing (the same quantity again, clearing
 * an empty cart) writes and publishes nothing.
 *
 * <p>Availability is passed in, read from inventory before the transaction: no remote call is
 * made while the row is locked. {@code available} is empty when inventory could not be asked;
 * the change is then accepted (checkout reserves the stock and re-checks).
 */
@ApplicationScoped
public class CartRepository {

    private final DataSource dataSource;
    private final Outbox outbox;

    public CartRepository(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** A new, empty cart with an unguessable id (UUID v4 drawn from SecureRandom). */
    public Cart create() {
        UUID id = UUID.randomUUID();
        return Transactions.run(dataSource, "creating a cart", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cart (id) VALUES (?)")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            return load(c, id, false).orElseThrow();
        });
    }

    public Optional<Cart> find(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            // one snapshot for the cart and its lines
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return load(c, id, false);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading cart " + id + " failed", e);
        }
    }

    /** Adds {@code quantity} units of {@code sku}, to its line if there is one. */
    public Cart add(UUID id, String sku, int quantity, OptionalInt available) {
        return Transactions.run(dataSource, "adding to cart " + id, c -> {
            Cart cart = locked(c, id);
            int previous = cart.line(sku).map(CartLine::quantity).orElse(0);
            int result = previous + quantity;
            if (result > CartRules.MAX_QUANTITY) {
                throw new CartRefusal("quantity", "the line of " + sku + " would hold " + result + " units; at most "
                        + CartRules.MAX_QUANTITY + " per line (it holds " + previous + ")");
            }
            if (previous == 0 && cart.lines().size() >= CartRules.MAX_LINES) {
                throw new CartRefusal("sku", "a cart holds at most " + CartRules.MAX_LINES + " lines");
            }
            checkStock(sku, result, available);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cart_line (cart_id, sku, quantity) VALUES (?, ?, ?) "
                    + "ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = cart_line.quantity + EXCLUDED.quantity")) {
                s.setObject(1, id);
                s.setString(2, sku);
                s.setInt(3, quantity);
                s.executeUpdate();
            }
            long version = bump(c, id);
            outbox.append(c, CartEvents.itemAdded(id, sku, quantity, result, version));
            return load(c, id, false).orElseThrow();
        });
    }

    /** Sets the quantity of a line the cart holds. */
    public Cart setQuantity(UUID id, String sku, int quantity, OptionalInt available) {
        return Transactions.run(dataSource, "changing cart " + id, c -> {
            Cart cart = locked(c, id);
            int previous = cart.line(sku).map(CartLine::quantity)
                    .orElseThrow(() -> new NotInCart("cart " + id + " holds no " + sku));
            if (quantity == previous) {
                return cart;
            }
            if (quantity > previous) {
                // fewer units are always fine, even when stock has dropped below them
                checkStock(sku, quantity, available);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE cart_line SET quantity = ? WHERE cart_id = ? AND sku = ?")) {
                s.setInt(1, quantity);
                s.setObject(2, id);
                s.setString(3, sku);
                s.executeUpdate();
            }
            long version = bump(c, id);
            outbox.append(c, CartEvents.quantityChanged(id, sku, quantity, previous, version));
            return load(c, id, false).orElseThrow();
        });
    }

    /** Removes the line of {@code sku}. */
    public Cart remove(UUID id, String sku) {
        return Transactions.run(dataSource, "removing from cart " + id, c -> {
            locked(c, id);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM cart_line WHERE cart_id = ? AND sku = ?")) {
                s.setObject(1, id);
                s.setString(2, sku);
                if (s.executeUpdate() == 0) {
                    throw new NotInCart("cart " + id + " holds no " + sku);
                }
            }
            long version = bump(c, id);
            outbox.append(c, CartEvents.itemRemoved(id, sku, version));
            return load(c, id, false).orElseThrow();
        });
    }

    /** Removes every line; the cart itself stays (its id is still the shopper's). */
    public Cart clear(UUID id) {
        return Transactions.run(dataSource, "clearing cart " + id, c -> {
            Cart cart = locked(c, id);
            if (cart.lines().isEmpty()) {
                return cart;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM cart_line WHERE cart_id = ?")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            long version = bump(c, id);
            outbox.append(c, CartEvents.cleared(id, version));
            return load(c, id, false).orElseThrow();
        });
    }

    /**
     * Deletes up to {@code batch} carts untouched for longer than {@code age}, lines included; no
     * event (see {@link CartEvents}). Carts being changed right now are skipped (SKIP LOCKED), so
     * the job never waits on a shopper, and several instances never delete the same carts.
     */
    public int expire(Duration age, int batch) {
        return Transactions.run(dataSource, "expiring carts", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM cart WHERE id IN (SELECT id FROM cart "
                    + "WHERE updated_at < now() - make_interval(secs => ?) ORDER BY updated_at LIMIT ? "
                    + "FOR UPDATE SKIP LOCKED)")) {
                s.setDouble(1, age.toMillis() / 1000.0);
                s.setInt(2, batch);
                return s.executeUpdate();
            }
        });
    }

    private static void checkStock(String sku, int wanted, OptionalInt available) {
        if (available.isPresent() && wanted > available.getAsInt()) {
            throw new CartRefusal("quantity", available.getAsInt() == 0 ? sku + " is out of stock"
                    : "only " + available.getAsInt() + " of " + sku + " available; the line would hold " + wanted);
        }
    }

    private static Cart locked(Connection c, UUID id) throws SQLException {
        return load(c, id, true).orElseThrow(() -> new NotInCart("no cart " + id));
    }

    private static long bump(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE cart SET version = version + 1, updated_at = now() WHERE id = ? RETURNING version")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Optional<Cart> load(Connection c, UUID id, boolean lock) throws SQLException {
        long version;
        java.time.Instant created;
        java.time.Instant updated;
        try (PreparedStatement s = c.prepareStatement("SELECT version, created_at, updated_at FROM cart WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                version = rs.getLong(1);
                created = rs.getTimestamp(2).toInstant();
                updated = rs.getTimestamp(3).toInstant();
            }
        }
        List<CartLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT sku, quantity FROM cart_line WHERE cart_id = ? ORDER BY added_at, sku")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(new CartLine(rs.getString(1), rs.getInt(2)));
                }
            }
        }
        return Optional.of(new Cart(id, List.copyOf(lines), version, created, updated));
    }
}
