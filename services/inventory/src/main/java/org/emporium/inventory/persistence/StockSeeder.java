package org.emporium.inventory.persistence;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.catalog.seed.CatalogSeed;
import org.emporium.catalog.seed.SeedProduct;
import org.emporium.inventory.domain.StockLevel;
import org.emporium.inventory.events.InventoryEvents;
import org.emporium.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Stocks every SKU of the seeded catalog when the database holds no stock yet, in one
 * transaction with one StockLevelChanged per SKU (so search learns availability from the start).
 * A crash half-way leaves nothing behind and the next start tries again.
 */
@ApplicationScoped
public class StockSeeder {

    private static final Logger LOG = Logger.getLogger(StockSeeder.class);
    /** Any constant: it only has to be the same for every inventory instance. */
    private static final long SEED_LOCK = 0x1A7E5700L;
    // Changing it reshuffles every quantity; change it deliberately, never per run.
    private static final long SEED = 20_240_612L;

    private final DataSource dataSource;
    private final Outbox outbox;
    private final boolean enabled;

    public StockSeeder(DataSource dataSource, Outbox outbox, @ConfigProperty(name = "emporium.inventory.seed") boolean enabled) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.enabled = enabled;
    }

    // after SchemaMigration (1) and the outbox's schema (2)
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (enabled) {
            seedIfEmpty();
        }
    }

    /**
     * Deterministic quantities per SKU, in the given order: about 5% out of stock (0), 5% scarce
     * (1–3 units), the rest 4–100. {@code java.util.Random} with a fixed seed gives the same
     * numbers on every JDK (its algorithm is specified).
     */
    public static Map<String, Integer> quantities(List<String> skus) {
        Random random = new Random(SEED);
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (String sku : skus) {
            int roll = random.nextInt(100);
            int quantity = roll < 5 ? 0 : roll < 10 ? 1 + random.nextInt(3) : 4 + random.nextInt(97);
            quantities.put(sku, quantity);
        }
        return quantities;
    }

    public int seedIfEmpty() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // two instances starting together must not both seed
                s.execute("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")");
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM stock)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        c.rollback();
                        return 0;
                    }
                }
            }
            Map<String, Integer> quantities = quantities(CatalogSeed.products().stream().map(SeedProduct::sku).toList());
            List<StockLevel> levels = new ArrayList<>(quantities.size());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stock (sku, on_hand) VALUES (?, ?)")) {
                for (Map.Entry<String, Integer> e : quantities.entrySet()) {
                    s.setString(1, e.getKey());
                    s.setInt(2, e.getValue());
                    s.addBatch();
                    levels.add(new StockLevel(e.getKey(), e.getValue(), 0, 1));
                }
                s.executeBatch();
            }
            outbox.appendAll(c, levels.stream().map(InventoryEvents::levelChanged).toList());
            c.commit();
            LOG.infof("stocked the %d SKUs of the seeded catalog", levels.size());
            return levels.size();
        } catch (SQLException e) {
            throw new IllegalStateException("seeding stock failed", e);
        }
    }
}
