package org.emporium.inventory.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.emporium.inventory.domain.InitialStock;
import org.emporium.inventory.domain.StockBelowReserved;
import org.emporium.inventory.domain.StockLevel;
import org.emporium.inventory.events.InventoryEvents;
import org.emporium.platform.jdbc.Transactions;
import org.emporium.platform.outbox.Outbox;

/** Stock levels: reads, the initial stock of new products, and the admin's count of what is on the shelf. */
@ApplicationScoped
public class StockRepository {

    static final String COLUMNS = "sku, on_hand, reserved, version";

    private final DataSource dataSource;
    private final Outbox outbox;

    public StockRepository(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    public Optional<StockLevel> find(String sku) {
        return findAll(List.of(sku)).stream().findFirst();
    }

    /** The known SKUs among {@code skus}, sorted by SKU. */
    public List<StockLevel> findAll(Collection<String> skus) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM stock WHERE sku = ANY (?) ORDER BY sku")) {
            s.setArray(1, c.createArrayOf("text", skus.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                List<StockLevel> levels = new ArrayList<>();
                while (rs.next()) {
                    levels.add(level(rs));
                }
                return levels;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading stock failed", e);
        }
    }

    /**
     * Sets what is on hand, creating the SKU if inventory does not know it yet (before the
     * catalog's announcement of the product arrives). Refused below what is reserved; a no-op when nothing changes.
     */
    public StockLevel setOnHand(String sku, int onHand) {
        return Transactions.run(dataSource, "setting stock of " + sku, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO stock (sku, on_hand) VALUES (?, ?) ON CONFLICT (sku) DO NOTHING RETURNING " + COLUMNS)) {
                s.setString(1, sku);
                s.setInt(2, onHand);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        StockLevel created = level(rs);
                        outbox.append(c, InventoryEvents.levelChanged(created));
                        return created;
                    }
                }
            }
            StockLevel current;
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM stock WHERE sku = ? FOR UPDATE")) {
                s.setString(1, sku);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    current = level(rs);
                }
            }
            if (onHand < current.reserved()) {
                throw new StockBelowReserved(sku, onHand, current.reserved());
            }
            if (onHand == current.onHand()) {
                return current;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE stock SET on_hand = ?, version = version + 1, "
                    + "updated_at = now() WHERE sku = ? RETURNING " + COLUMNS)) {
                s.setInt(1, onHand);
                s.setString(2, sku);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    StockLevel updated = level(rs);
                    outbox.append(c, InventoryEvents.levelChanged(updated));
                    return updated;
                }
            }
        });
    }

    /**
     * Stocks the SKUs inventory does not know yet with their {@link InitialStock}, in one
     * transaction, each announced with StockLevelChanged (version 1); SKUs already known (stocked
     * before, or set by an admin) stay as they are. Returns the SKUs stocked now.
     */
    public List<StockLevel> stockNew(Collection<String> skus) {
        // sorted: concurrent callers lock rows in the same order
        List<String> sorted = new TreeSet<>(skus).stream().toList();
        Integer[] quantities = sorted.stream().map(InitialStock::quantity).toArray(Integer[]::new);
        return Transactions.run(dataSource, "stocking " + sorted.size() + " new SKUs", c -> {
            List<StockLevel> created = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stock (sku, on_hand) "
                    + "SELECT * FROM unnest(?::text[], ?::integer[]) ON CONFLICT (sku) DO NOTHING RETURNING " + COLUMNS)) {
                s.setArray(1, c.createArrayOf("text", sorted.toArray()));
                s.setArray(2, c.createArrayOf("integer", quantities));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        created.add(level(rs));
                    }
                }
            }
            created.sort(Comparator.comparing(StockLevel::sku));
            outbox.appendAll(c, created.stream().map(InventoryEvents::levelChanged).toList());
            return created;
        });
    }

    static StockLevel level(ResultSet rs) throws SQLException {
        return new StockLevel(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4));
    }
}
