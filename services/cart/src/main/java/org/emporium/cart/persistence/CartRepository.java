package org.emporium.cart.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartClosed;
import org.emporium.cart.domain.CartLine;
import org.emporium.cart.domain.CartRefusal;
import org.emporium.cart.domain.CartRules;
import org.emporium.cart.domain.LineOptions;
import org.emporium.cart.domain.NotInCart;
import org.emporium.cart.events.CartEvents;
import org.emporium.platform.jdbc.Transactions;
import org.emporium.platform.outbox.Outbox;

/**
 * Carts and their lines. Every change runs in one transaction that first locks the cart row
 * ({@code SELECT ... FOR UPDATE}; an add, which always writes, locks it by bumping the version in
 * the same statement), then changes the lines, bumps the version by one and appends
 * exactly one event to the outbox: concurrent changes of one cart queue on the lock, so versions
 * and events follow commit order. A change that changes nothing (the same quantity again, clearing
 * an empty cart) writes and publishes nothing. The cart a change answers is the locked cart with
 * the change applied ({@link Cart#withLine}), not read again: two statements fewer per change.
 *
 * <p>Availability is passed in, read from inventory before the transaction: no remote call is
 * made while the row is locked. {@code available} is empty when inventory could not be asked;
 * the change is then accepted (checkout reserves the stock and re-checks).
 *
 * <p>A line is identified by its SKU and options ({@code cart_line.options}, jsonb, {@code {}} when
 * none: jsonb equality ignores key order, so it is part of the primary key as it is). Stock is per
 * SKU: a change is checked against the units of the SKU on all the cart's lines.
 */
@ApplicationScoped
public class CartRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> OPTIONS = new TypeReference<>() { };

    private final DataSource dataSource;
    private final Outbox outbox;

    public CartRepository(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /**
     * A new, empty cart with an unguessable id (UUID v4 drawn from SecureRandom), owned by the
     * account {@code owner}, or a guest cart when it is null.
     */
    public Cart create(String owner) {
        return Transactions.run(dataSource, "creating a cart", c -> insert(c, owner));
    }

    /** The account's most recently touched open (not merged) cart. */
    public Optional<Cart> latestOf(String owner) {
        return Transactions.run(dataSource, "reading the cart of an account", c -> latestOf(c, owner, false));
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

    /**
     * Adds {@code quantity} units of {@code sku} with {@code options} (checked against the catalog
     * by the caller), to its line if there is one. {@code access} says whether the caller may
     * change a cart with a given owner (false: as if there were no cart).
     */
    public Cart add(UUID id, Predicate<String> access, String sku, Map<String, String> options, int quantity,
                    OptionalInt available) {
        return Transactions.run(dataSource, "adding to cart " + id, c -> {
            // an add that is allowed always writes: the row is locked by bumping its version, one
            // statement for both; a refusal below rolls the bump back
            Cart cart = open(accessible(load(c, id, BUMP), id, access));
            String line = LineOptions.describe(sku, options);
            int previous = cart.line(sku, options).map(CartLine::quantity).orElse(0);
            int result = previous + quantity;
            if (result > CartRules.MAX_QUANTITY) {
                throw new CartRefusal("quantity", "the line of " + line + " would hold " + result + " units; at most "
                        + CartRules.MAX_QUANTITY + " per line (it holds " + previous + ")");
            }
            if (previous == 0 && cart.lines().size() >= CartRules.MAX_LINES) {
                throw new CartRefusal("sku", "a cart holds at most " + CartRules.MAX_LINES + " lines");
            }
            checkStock(sku, result, cart.unitsOnOtherLines(sku, options), available);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cart_line (cart_id, sku, options, quantity) "
                    + "VALUES (?, ?, ?::jsonb, ?) "
                    + "ON CONFLICT (cart_id, sku, options) DO UPDATE SET quantity = cart_line.quantity + EXCLUDED.quantity")) {
                s.setObject(1, id);
                s.setString(2, sku);
                s.setString(3, json(options));
                s.setInt(4, quantity);
                s.executeUpdate();
            }
            outbox.append(c, CartEvents.itemAdded(id, sku, LineOptions.canonical(options), quantity, result,
                    cart.version()));
            return cart.withLine(sku, options, result, cart.version(), cart.updatedAt());
        });
    }

    /** Sets the quantity of a line the cart holds: the line of {@code sku} with exactly {@code options}. */
    public Cart setQuantity(UUID id, Predicate<String> access, String sku, Map<String, String> options, int quantity,
                            OptionalInt available) {
        return Transactions.run(dataSource, "changing cart " + id, c -> {
            Cart cart = open(locked(c, id, access));
            int previous = cart.line(sku, options).map(CartLine::quantity)
                    .orElseThrow(() -> new NotInCart("cart " + id + " holds no " + LineOptions.describe(sku, options)));
            if (quantity == previous) {
                return cart;
            }
            if (quantity > previous) {
                // fewer units are always fine, even when stock has dropped below them
                checkStock(sku, quantity, cart.unitsOnOtherLines(sku, options), available);
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE cart_line SET quantity = ? WHERE cart_id = ? AND sku = ? AND options = ?::jsonb")) {
                s.setInt(1, quantity);
                s.setObject(2, id);
                s.setString(3, sku);
                s.setString(4, json(options));
                s.executeUpdate();
            }
            Version version = bump(c, id);
            outbox.append(c, CartEvents.quantityChanged(id, sku, LineOptions.canonical(options), quantity, previous,
                    version.number()));
            return cart.withLine(sku, options, quantity, version.number(), version.at());
        });
    }

    /** Removes the line of {@code sku} with exactly {@code options}. */
    public Cart remove(UUID id, Predicate<String> access, String sku, Map<String, String> options) {
        return Transactions.run(dataSource, "removing from cart " + id, c -> {
            Cart cart = locked(c, id, access);
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM cart_line WHERE cart_id = ? AND sku = ? AND options = ?::jsonb")) {
                s.setObject(1, id);
                s.setString(2, sku);
                s.setString(3, json(options));
                if (s.executeUpdate() == 0) {
                    throw new NotInCart("cart " + id + " holds no " + LineOptions.describe(sku, options));
                }
            }
            Version version = bump(c, id);
            outbox.append(c, CartEvents.itemRemoved(id, sku, LineOptions.canonical(options), version.number()));
            return cart.withLine(sku, options, 0, version.number(), version.at());
        });
    }

    /** Removes every line; the cart itself stays (its id is still the shopper's). */
    public Cart clear(UUID id, Predicate<String> access) {
        return Transactions.run(dataSource, "clearing cart " + id, c -> {
            Cart cart = locked(c, id, access);
            if (cart.lines().isEmpty()) {
                return cart;
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM cart_line WHERE cart_id = ?")) {
                s.setObject(1, id);
                s.executeUpdate();
            }
            Version version = bump(c, id);
            outbox.append(c, CartEvents.cleared(id, version.number()));
            return cart.emptied(version.number(), version.at());
        });
    }

    /**
     * Merges cart {@code from} into the account's cart at sign-in, in one transaction; answers the
     * account's cart. Merges of one account are serialised (an advisory lock on the account), and
     * every cart is changed under its row lock, so the outbox events keep their per-cart order.
     * <ul>
     * <li>an unknown cart, or one this account already merged: nothing changes (idempotent);</li>
     * <li>a cart of another account: {@link NotInCart}, as if there were no such cart;</li>
     * <li>the account has no open cart: the guest cart becomes its cart (no event: no line changes);</li>
     * <li>otherwise each line is added to the account's cart (one ItemAddedToCart each; summed
     * within {@link CartRules#mergedQuantity} and {@link CartRules#MAX_LINES}: a merge takes what
     * fits rather than failing), then the merged cart is emptied (CartCleared), closed and owned by
     * the account, so its id no longer shows the lines without the account's token.</li>
     * </ul>
     * {@code available} holds the units inventory has of the merged cart's SKUs, read before the
     * transaction; a SKU missing from it is merged unchecked.
     */
    public Cart merge(String owner, UUID from, Map<String, Integer> available) {
        return Transactions.run(dataSource, "merging cart " + from, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                s.setString(1, "cart-owner:" + owner);
                s.executeQuery().close();
            }
            Optional<Cart> source = load(c, from, true);
            if (source.isPresent() && source.get().owner() != null && !source.get().owner().equals(owner)) {
                throw new NotInCart("no cart " + from);
            }
            Optional<Cart> target = latestOf(c, owner, true);
            if (source.isEmpty() || source.get().closed()
                    || target.isPresent() && target.get().id().equals(from)) {
                return target.isPresent() ? target.get() : insert(c, owner);
            }
            Cart guest = source.get();
            if (target.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE cart SET owner = ?, updated_at = now() WHERE id = ?")) {
                    s.setString(1, owner);
                    s.setObject(2, from);
                    s.executeUpdate();
                }
                return load(c, from, false).orElseThrow();
            }
            Cart into = target.get();
            for (CartLine line : guest.lines()) {
                int existing = into.line(line.sku(), line.options()).map(CartLine::quantity).orElse(0);
                if (existing == 0 && into.lines().size() >= CartRules.MAX_LINES) {
                    continue;
                }
                // stock is per SKU: what the account's other lines of the SKU hold is not available to this one
                int units = available.getOrDefault(line.sku(), -1);
                int left = units < 0 ? -1 : Math.max(0, units - into.unitsOnOtherLines(line.sku(), line.options()));
                int merged = CartRules.mergedQuantity(existing, line.quantity(), left);
                if (merged <= existing) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO cart_line (cart_id, sku, options, quantity) "
                        + "VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (cart_id, sku, options) DO UPDATE SET quantity = EXCLUDED.quantity")) {
                    s.setObject(1, into.id());
                    s.setString(2, line.sku());
                    s.setString(3, json(line.options()));
                    s.setInt(4, merged);
                    s.executeUpdate();
                }
                Version version = bump(c, into.id());
                outbox.append(c, CartEvents.itemAdded(into.id(), line.sku(), line.options(), merged - existing, merged,
                        version.number()));
                into = into.withLine(line.sku(), line.options(), merged, version.number(), version.at());
            }
            if (!guest.lines().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM cart_line WHERE cart_id = ?")) {
                    s.setObject(1, from);
                    s.executeUpdate();
                }
                outbox.append(c, CartEvents.cleared(from, bump(c, from).number()));
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE cart SET owner = ?, merged_into = ?, updated_at = now() WHERE id = ?")) {
                s.setString(1, owner);
                s.setObject(2, into.id());
                s.setObject(3, from);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE cart SET updated_at = now() WHERE id = ?")) {
                s.setObject(1, into.id()); // the account's cart stays its most recent one
                s.executeUpdate();
            }
            return load(c, into.id(), false).orElseThrow();
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

    /** Stock is per SKU: the line's units and those of the SKU's other lines (other options) together. */
    private static void checkStock(String sku, int line, int otherLines, OptionalInt available) {
        int wanted = line + otherLines;
        if (available.isPresent() && wanted > available.getAsInt()) {
            throw new CartRefusal("quantity", available.getAsInt() == 0 ? sku + " is out of stock"
                    : "only " + available.getAsInt() + " of " + sku + " available; "
                    + (otherLines == 0 ? "the line would hold " + wanted
                    : "its lines would hold " + wanted + " (" + otherLines + " in other options)"));
        }
    }

    private static String json(Map<String, String> options) {
        try {
            return JSON.writeValueAsString(LineOptions.canonical(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing options failed", e);
        }
    }

    private static Map<String, String> options(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, OPTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reading options failed", e);
        }
    }

    /** The cart, locked; a cart the caller may not access is answered as no cart at all. */
    private static Cart locked(Connection c, UUID id, Predicate<String> access) throws SQLException {
        return accessible(load(c, id, LOCK), id, access);
    }

    private static Cart accessible(Optional<Cart> found, UUID id, Predicate<String> access) {
        Cart cart = found.orElseThrow(() -> new NotInCart("no cart " + id));
        if (!access.test(cart.owner())) {
            throw new NotInCart("no cart " + id);
        }
        return cart;
    }

    private static Cart open(Cart cart) {
        if (cart.closed()) {
            throw new CartClosed(cart.id(), cart.mergedInto());
        }
        return cart;
    }

    private static Cart insert(Connection c, String owner) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cart (id, owner) VALUES (?, ?)")) {
            s.setObject(1, id);
            s.setString(2, owner);
            s.executeUpdate();
        }
        return load(c, id, false).orElseThrow();
    }

    private static Optional<Cart> latestOf(Connection c, String owner, boolean lock) throws SQLException {
        UUID id;
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM cart WHERE owner = ? AND merged_into IS NULL "
                + "ORDER BY updated_at DESC, created_at DESC LIMIT 1" + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getObject(1, UUID.class);
            }
        }
        return load(c, id, false);
    }

    /** A cart's version after a change, and when the change was made. */
    private record Version(long number, Instant at) {
    }

    private static Version bump(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE cart SET version = version + 1, updated_at = now() WHERE id = ? RETURNING version, updated_at")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Version(rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        }
    }

    private static final String READ = "SELECT version, created_at, updated_at, owner, merged_into FROM cart WHERE id = ?";
    private static final String LOCK = READ + " FOR UPDATE";
    /** Locks the row by changing it: the cart with the version the change makes. */
    private static final String BUMP = "UPDATE cart SET version = version + 1, updated_at = now() WHERE id = ? "
            + "RETURNING version, created_at, updated_at, owner, merged_into";

    private static Optional<Cart> load(Connection c, UUID id, boolean lock) throws SQLException {
        return load(c, id, lock ? LOCK : READ);
    }

    /** The cart's row by {@code query} (READ, LOCK or BUMP), then its lines. */
    private static Optional<Cart> load(Connection c, UUID id, String query) throws SQLException {
        long version;
        Instant created;
        Instant updated;
        String owner;
        UUID mergedInto;
        try (PreparedStatement s = c.prepareStatement(query)) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                version = rs.getLong(1);
                created = rs.getTimestamp(2).toInstant();
                updated = rs.getTimestamp(3).toInstant();
                owner = rs.getString(4);
                mergedInto = rs.getObject(5, UUID.class);
            }
        }
        List<CartLine> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT sku, quantity, options FROM cart_line WHERE cart_id = ? ORDER BY added_at, sku, options::text")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(new CartLine(rs.getString(1), options(rs.getString(3)), rs.getInt(2)));
                }
            }
        }
        return Optional.of(new Cart(id, owner, mergedInto, List.copyOf(lines), version, created, updated));
    }
}
