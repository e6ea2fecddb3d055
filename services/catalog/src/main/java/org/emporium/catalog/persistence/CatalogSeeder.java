package org.emporium.catalog.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.catalog.Money;
import org.emporium.catalog.Product;
import org.emporium.catalog.events.ProductEvents;
import org.emporium.catalog.seed.CatalogSeed;
import org.emporium.platform.outbox.Outbox;
import org.emporium.catalog.seed.SeedCategory;
import org.emporium.catalog.seed.SeedProduct;
import org.jboss.logging.Logger;

/**
 * Loads the seeded catalog into an empty database on first start, in one transaction with one
 * ProductUpserted event per product, so a crash half-way leaves nothing behind and the next
 * start tries again.
 */
@ApplicationScoped
public class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);
    /** Any constant works: it only has to be the same for every catalog instance. */
    private static final long SEED_LOCK = 0x0CA7A1060L;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final boolean enabled;

    public CatalogSeeder(DataSource dataSource, ObjectMapper json, Outbox outbox,
                         @ConfigProperty(name = "emporium.catalog.seed") boolean enabled) {
        this.dataSource = dataSource;
        this.json = json;
        this.outbox = outbox;
        this.enabled = enabled;
    }

    // after SchemaMigration (priority 1): the tables must exist
    void onStart(@Observes @jakarta.annotation.Priority(10) StartupEvent event, ProductRepository products) {
        if (enabled) {
            seedIfEmpty();
        }
        int announced = products.announceUnpublishedProducts();
        if (announced > 0) {
            LOG.infof("announced %d products stored before the catalog published events", announced);
        }
    }

    /** Seeded products get ids derived from their SKU, so every fresh install has the same ids. */
    public static UUID idFor(String sku) {
        return UUID.nameUUIDFromBytes(("emporium:product:" + sku).getBytes(StandardCharsets.UTF_8));
    }

    public int seedIfEmpty() {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // two instances starting together must not both seed
                s.execute("SELECT pg_advisory_xact_lock(" + SEED_LOCK + ")");
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM product)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        c.rollback();
                        return 0;
                    }
                }
            }
            insertCategories(c, CatalogSeed.categories());
            List<SeedProduct> products = CatalogSeed.products();
            List<Product> inserted = insertProducts(c, products);
            // the seeded catalog is announced like any other change, so search indexes it
            outbox.appendAll(c, inserted.stream().map(p -> ProductEvents.upserted(p, 1)).toList());
            c.commit();
            LOG.infof("seeded the catalog with %d products in %d ms", products.size(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return products.size();
        } catch (SQLException e) {
            throw new IllegalStateException("seeding the catalog failed", e);
        }
    }

    private static void insertCategories(Connection c, List<SeedCategory> categories) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO category (slug, name, description) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING")) {
            for (SeedCategory category : categories) {
                s.setString(1, category.slug());
                s.setString(2, category.name());
                s.setString(3, category.description());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private List<Product> insertProducts(Connection c, List<SeedProduct> products) throws SQLException {
        List<Product> inserted = new ArrayList<>(products.size());
        // spread creation times over the past so "newest" has a meaningful, stable order
        Instant base = Instant.now().minus(Duration.ofMinutes(products.size()));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO product (id, sku, name, description, brand, "
                + "category, price_amount, currency, image_url, attributes, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?::jsonb, ?, ?)")) {
            for (int i = 0; i < products.size(); i++) {
                SeedProduct p = products.get(i);
                Timestamp created = Timestamp.from(base.plus(Duration.ofMinutes(i)));
                s.setObject(1, idFor(p.sku()));
                s.setString(2, p.sku());
                s.setString(3, p.name());
                s.setString(4, p.description());
                s.setString(5, p.brand());
                s.setString(6, p.categorySlug());
                s.setBigDecimal(7, p.price());
                s.setString(8, "/images/products/" + p.sku() + ".svg");
                s.setString(9, toJson(p));
                s.setTimestamp(10, created);
                s.setTimestamp(11, created);
                s.addBatch();
                inserted.add(new Product(idFor(p.sku()), p.sku(), p.name(), p.description(), p.brand(),
                        p.categorySlug(), Money.of(p.price(), "USD"), "/images/products/" + p.sku() + ".svg",
                        p.attributes(), created.toInstant(), created.toInstant()));
                if (i % 500 == 499) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        return inserted;
    }

    private String toJson(SeedProduct p) {
        try {
            return json.writeValueAsString(p.attributes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed attributes of " + p.sku() + " are not serializable", e);
        }
    }
}
