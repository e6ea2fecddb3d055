package org.emporium.inventory.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.emporium.inventory.domain.StockBelowReserved;
import org.emporium.inventory.domain.StockLevel;
import org.emporium.inventory.events.InventoryEvents;
import org.emporium.platform.jdbc.Transactions;
import org.emporium.platform.outbox.Outbox;

/** Stock levels: reads, and the admin's count of what is on the shelf. */
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
     * Sets what is on hand, creating the SKU if inventory does not know it yet (a product added to
     * the catalog after seeding). Refused below what is reserved; a no-op when nothing changes.
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

    static StockLevel level(ResultSet rs) throws SQLException {
        return new StockLevel(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4));
    }
}
