package org.emporium.inventory.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.emporium.inventory.domain.Reservation;
import org.emporium.inventory.domain.ReservationConflict;
import org.emporium.inventory.domain.ReservationLine;
import org.emporium.inventory.domain.ReservationStatus;
import org.emporium.inventory.domain.ReservationStatus.Transition;
import org.emporium.inventory.domain.Shortage;
import org.emporium.inventory.domain.StockLevel;
import org.emporium.inventory.events.InventoryEvents;
import org.emporium.inventory.events.InventoryEvents.ReleaseReason;
import org.emporium.platform.jdbc.Transactions;
import org.emporium.platform.outbox.Outbox;
import org.emporium.platform.outbox.OutboxEvent;

/**
 * Reservations and the stock they hold, each operation one transaction with its events.
 *
 * <p>Locks are always taken in the same order, so no two transactions wait on each other in a
 * cycle: first the reservation row (inserted, or selected FOR UPDATE), then stock rows in SKU
 * order. A reservation's id is claimed first (INSERT … ON CONFLICT DO NOTHING), so concurrent
 * retries of one id queue behind the first and then see its outcome.
 *
 * <p>Events are written after the rows they describe are changed (and locked), so the outbox
 * orders them per key as the changes committed. Nothing changed, nothing published: a retry that
 * finds its work done answers from the stored reservation and publishes no event.
 */
@ApplicationScoped
public class ReservationRepository {

    private static final String COLUMNS = "id, status, lines::text, shortages::text, expires_at, created_at, updated_at";
    private static final TypeReference<List<ReservationLine>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<Shortage>> SHORTAGES = new TypeReference<>() {
    };

    /** How each operation moves stock; one quantity parameter, then the SKU. */
    private enum StockChange {
        // the guard repeats the rule the CHECK constraint enforces: a short line updates nothing
        RESERVE("reserved = s.reserved + p.q", "s.on_hand - s.reserved >= p.q"),
        COMMIT("on_hand = s.on_hand - p.q, reserved = s.reserved - p.q", "s.reserved >= p.q"),
        RELEASE("reserved = s.reserved - p.q", "s.reserved >= p.q");

        final String sql;

        StockChange(String set, String guard) {
            this.sql = "UPDATE stock s SET " + set + ", version = s.version + 1, updated_at = now() "
                    + "FROM (SELECT ?::int AS q) p WHERE s.sku = ? AND " + guard
                    + " RETURNING s.sku, s.on_hand, s.reserved, s.version";
        }
    }

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Outbox outbox;

    public ReservationRepository(DataSource dataSource, ObjectMapper json, Outbox outbox) {
        this.dataSource = dataSource;
        this.json = json;
        this.outbox = outbox;
    }

    public Optional<Reservation> find(UUID id) {
        try (Connection c = dataSource.getConnection()) {
            return select(c, id, false);
        } catch (SQLException e) {
            throw new IllegalStateException("reading reservation " + id + " failed", e);
        }
    }

    /**
     * Reserves all lines or none. Answers RESERVED, or REJECTED with the shortages; a known id
     * answers what it answered the first time, or a conflict if the lines differ.
     *
     * @param lines normalized: valid and sorted by SKU
     */
    public Reservation reserve(UUID id, List<ReservationLine> lines, Duration ttl) {
        return Transactions.run(dataSource, "reserving " + id, c -> {
            List<OutboxEvent> events = new ArrayList<>();
            Reservation reservation = reserve(c, id, lines, ttl, events);
            outbox.appendAll(c, events);
            return reservation;
        });
    }

    /** Turns held units into sold ones: on hand and reserved both drop. Empty for an unknown id. */
    public Optional<Reservation> commit(UUID id) {
        return transition(id, ReservationStatus.COMMITTED);
    }

    /** Gives held units back. Empty for an unknown id. */
    public Optional<Reservation> release(UUID id) {
        return transition(id, ReservationStatus.RELEASED);
    }

    private Optional<Reservation> transition(UUID id, ReservationStatus target) {
        String what = (target == ReservationStatus.COMMITTED ? "committing " : "releasing ") + id;
        return Transactions.run(dataSource, what, c -> {
            List<OutboxEvent> events = new ArrayList<>();
            Optional<Reservation> result = transition(c, id, target, events);
            outbox.appendAll(c, events);
            return result;
        });
    }

    /** The operations a {@link Batch} offers; each throws what its single-transaction twin throws. */
    public interface Batch {
        Reservation reserve(UUID id, List<ReservationLine> lines, Duration ttl);

        Optional<Reservation> commit(UUID id);

        Optional<Reservation> release(UUID id);
    }

    /**
     * Many operations in one transaction (one commit, one relay round) instead of one each: the
     * saga's commands, a poll at a time. An operation that is refused (a conflict, an unknown id)
     * has changed nothing when it throws, so the caller may catch it and go on.
     *
     * <p>The batch keeps the lock order of single operations: first it locks the rows of the
     * reservations it will commit or release (in id order), then every stock row any operation
     * touches (in SKU order); the operations then only take locks they hold, or insert new
     * reservations. Each SKU's level is announced once, with its last value.
     *
     * @param skusToReserve        every SKU the operations' new reservations name
     * @param reservationsToChange the ids of the reservations the operations commit or release
     */
    public void batch(Set<String> skusToReserve, Set<UUID> reservationsToChange, Consumer<Batch> work) {
        Transactions.run(dataSource, "applying a batch of reservation commands", c -> {
            Set<String> skus = new TreeSet<>(skusToReserve);
            for (Reservation r : lockReservations(c, reservationsToChange)) {
                r.lines().forEach(l -> skus.add(l.sku()));
            }
            lockStock(c, skus);
            List<OutboxEvent> events = new ArrayList<>();
            // each event is written in the trace of the operation that caused it (its command's),
            // so the saga's trace goes on through inventory's reply
            Map<OutboxEvent, Context> causedIn = new IdentityHashMap<>();
            work.accept(new Batch() {
                @Override
                public Reservation reserve(UUID id, List<ReservationLine> lines, Duration ttl) {
                    return traced(t -> ReservationRepository.this.reserve(t, id, lines, ttl, events));
                }

                @Override
                public Optional<Reservation> commit(UUID id) {
                    return traced(t -> transition(t, id, ReservationStatus.COMMITTED, events));
                }

                @Override
                public Optional<Reservation> release(UUID id) {
                    return traced(t -> transition(t, id, ReservationStatus.RELEASED, events));
                }

                private <T> T traced(Transactions.Work<T> operation) {
                    int before = events.size();
                    T result = Transactions.within(c, "a reservation operation of a batch", operation);
                    events.subList(before, events.size()).forEach(e -> causedIn.put(e, Context.current()));
                    return result;
                }
            });
            for (OutboxEvent event : InventoryEvents.lastLevelPerSku(events)) {
                try (Scope ignored = causedIn.getOrDefault(event, Context.current()).makeCurrent()) {
                    outbox.append(c, event);
                }
            }
            return null;
        });
    }

    private Reservation reserve(Connection c, UUID id, List<ReservationLine> lines, Duration ttl,
                                List<OutboxEvent> events) throws SQLException {
        Optional<Reservation> claimed = claim(c, id, lines, ttl);
        if (claimed.isEmpty()) {
            Reservation existing = select(c, id, false).orElseThrow();
            if (!existing.sameLines(lines)) {
                throw new ReservationConflict("reservation " + id + " exists with other lines");
            }
            return existing;
        }
        Reservation reservation = claimed.get();
        List<Shortage> shortages = Shortage.of(lines, lockStock(c, lines.stream().map(ReservationLine::sku).toList()));
        if (!shortages.isEmpty()) {
            Reservation rejected = reject(c, reservation, shortages);
            events.add(InventoryEvents.rejected(rejected));
            return rejected;
        }
        List<StockLevel> levels = changeStock(c, quantities(List.of(reservation)), StockChange.RESERVE);
        events.add(InventoryEvents.reserved(reservation));
        levels.forEach(l -> events.add(InventoryEvents.levelChanged(l)));
        return reservation;
    }

    private Optional<Reservation> transition(Connection c, UUID id, ReservationStatus target, List<OutboxEvent> events)
            throws SQLException {
        boolean commit = target == ReservationStatus.COMMITTED;
        Optional<Reservation> found = select(c, id, true);
        if (found.isEmpty()) {
            return found;
        }
        Reservation r = found.get();
        Transition t = commit ? r.status().onCommit() : r.status().onRelease();
        if (t == Transition.REFUSE) {
            throw new ReservationConflict("reservation " + id + " is " + r.status() + "; it cannot be "
                    + (commit ? "committed" : "released"));
        }
        if (t == Transition.ALREADY_DONE) {
            return found;
        }
        List<Reservation> changed = setStatus(c, List.of(id), target);
        List<StockLevel> levels = changeStock(c, quantities(changed), commit ? StockChange.COMMIT : StockChange.RELEASE);
        events.add(commit ? InventoryEvents.committed(changed.get(0))
                : InventoryEvents.released(changed.get(0), ReleaseReason.RELEASED));
        levels.forEach(l -> events.add(InventoryEvents.levelChanged(l)));
        return Optional.of(changed.get(0));
    }

    /** Locks these reservations' rows in id order; the ones that exist, with their lines. */
    private List<Reservation> lockReservations(Connection c, Set<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM reservation WHERE id = ANY (?) "
                + "ORDER BY id FOR UPDATE")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                List<Reservation> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(reservation(rs));
                }
                return found;
            }
        }
    }

    /**
     * Expires up to {@code limit} reservations past their deadline and gives their units back, in
     * one transaction. SKIP LOCKED lets several instances run this at once, each taking other rows,
     * and never waits on a reservation being committed or released right now.
     *
     * @return how many reservations expired
     */
    public int expireDue(int limit) {
        return Transactions.run(dataSource, "expiring reservations", c -> {
            List<UUID> due = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM reservation WHERE status = 'RESERVED' "
                    + "AND expires_at <= now() ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        due.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            if (due.isEmpty()) {
                return 0;
            }
            List<Reservation> expired = setStatus(c, due, ReservationStatus.EXPIRED);
            List<StockLevel> levels = changeStock(c, quantities(expired), StockChange.RELEASE);
            List<OutboxEvent> events = new ArrayList<>();
            expired.forEach(r -> events.add(InventoryEvents.released(r, ReleaseReason.EXPIRED)));
            levels.forEach(l -> events.add(InventoryEvents.levelChanged(l)));
            outbox.appendAll(c, events);
            return expired.size();
        });
    }

    /** Inserts the reservation as RESERVED unless its id exists; empty if it does. */
    private Optional<Reservation> claim(Connection c, UUID id, List<ReservationLine> lines, Duration ttl)
            throws SQLException {
        // the database's clock sets the deadline: the expiry job compares with the same clock
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reservation (id, status, lines, expires_at) "
                + "VALUES (?, 'RESERVED', ?::jsonb, now() + ? * interval '1 millisecond') "
                + "ON CONFLICT (id) DO NOTHING RETURNING " + COLUMNS)) {
            s.setObject(1, id);
            s.setString(2, toJson(lines));
            s.setLong(3, ttl.toMillis());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(reservation(rs)) : Optional.empty();
            }
        }
    }

    private Reservation reject(Connection c, Reservation r, List<Shortage> shortages) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE reservation SET status = 'REJECTED', "
                + "shortages = ?::jsonb, updated_at = now() WHERE id = ? RETURNING " + COLUMNS)) {
            s.setString(1, toJson(shortages));
            s.setObject(2, r.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return reservation(rs);
            }
        }
    }

    /** Locks the stock rows of these SKUs, in SKU order; SKUs inventory does not know are absent. */
    private Map<String, StockLevel> lockStock(Connection c, Collection<String> skus) throws SQLException {
        Map<String, StockLevel> levels = new HashMap<>();
        if (skus.isEmpty()) {
            return levels;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + StockRepository.COLUMNS
                + " FROM stock WHERE sku = ANY (?) ORDER BY sku FOR UPDATE")) {
            s.setArray(1, c.createArrayOf("text", skus.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StockLevel level = StockRepository.level(rs);
                    levels.put(level.sku(), level);
                }
            }
        }
        return levels;
    }

    /** Applies the change per SKU in SKU order (the lock order); every row must take it. */
    private static List<StockLevel> changeStock(Connection c, SortedMap<String, Integer> quantities, StockChange change)
            throws SQLException {
        List<StockLevel> levels = new ArrayList<>(quantities.size());
        try (PreparedStatement s = c.prepareStatement(change.sql)) {
            for (Map.Entry<String, Integer> e : quantities.entrySet()) {
                s.setInt(1, e.getValue());
                s.setString(2, e.getKey());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        // cannot happen while the invariants hold; rolling back keeps them
                        throw new IllegalStateException(change + " of " + e.getValue() + " x " + e.getKey()
                                + " does not fit its stock row");
                    }
                    levels.add(StockRepository.level(rs));
                }
            }
        }
        return levels;
    }

    private static SortedMap<String, Integer> quantities(List<Reservation> reservations) {
        SortedMap<String, Integer> quantities = new TreeMap<>();
        for (Reservation r : reservations) {
            r.lines().forEach(l -> quantities.merge(l.sku(), l.quantity(), Integer::sum));
        }
        return quantities;
    }

    private List<Reservation> setStatus(Connection c, List<UUID> ids, ReservationStatus status) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE reservation SET status = ?, updated_at = now() "
                + "WHERE id = ANY (?) RETURNING " + COLUMNS)) {
            s.setString(1, status.name());
            s.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                List<Reservation> changed = new ArrayList<>();
                while (rs.next()) {
                    changed.add(reservation(rs));
                }
                return changed;
            }
        }
    }

    private Optional<Reservation> select(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM reservation WHERE id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(reservation(rs)) : Optional.empty();
            }
        }
    }

    private Reservation reservation(ResultSet rs) throws SQLException {
        try {
            return new Reservation(rs.getObject(1, UUID.class), ReservationStatus.valueOf(rs.getString(2)),
                    json.readValue(rs.getString(3), LINES), json.readValue(rs.getString(4), SHORTAGES),
                    rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reservation " + rs.getString(1) + " is not readable", e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + value, e);
        }
    }
}
