package org.emporium.catalog.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.catalog.Category;
import org.emporium.catalog.Money;
import org.emporium.catalog.Product;
import org.emporium.catalog.ProductQuery;
import org.emporium.catalog.events.ProductEvents;
import org.emporium.platform.outbox.Outbox;
import org.emporium.platform.outbox.OutboxEvent;

/**
 * Products and categories in Postgres, with plain JDBC: the queries are few and simple, and
 * skipping an ORM keeps start-up and per-request cost low. Single-product reads are cached;
 * every write empties the cache. Every write also records its event in the outbox, in the same
 * transaction, after the product row is changed (and so locked): events of one product are
 * relayed in the order their changes committed.
 */
@ApplicationScoped
public class ProductRepository {

    private static final String COLUMNS = "id, sku, name, description, brand, category, price_amount, currency, "
            + "image_url, attributes::text, created_at, updated_at";
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Outbox outbox;
    /** Keyed by "id:&lt;uuid&gt;" and "sku:&lt;sku&gt;"; absent products are cached too, briefly. */
    private final Cache<String, Optional<Product>> byKey;
    private final Cache<String, List<Category>> categories;

    public ProductRepository(DataSource dataSource, ObjectMapper json, Outbox outbox,
                             @ConfigProperty(name = "emporium.catalog.cache-ttl") Duration ttl) {
        this.dataSource = dataSource;
        this.json = json;
        this.outbox = outbox;
        this.byKey = Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(ttl).build();
        this.categories = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(ttl).build();
    }

    public List<Product> find(ProductQuery query) {
        ProductQuery.Filter filter = query.filter();
        String sql = "SELECT " + COLUMNS + " FROM product" + filter.where()
                + " ORDER BY " + query.sort().orderBy() + " LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>(filter.params());
        params.add(query.size());
        params.add(query.offset());
        return list(sql, params);
    }

    public long count(ProductQuery query) {
        ProductQuery.Filter filter = query.filter();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM product" + filter.where())) {
            bind(s, filter.params());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting products failed", e);
        }
    }

    public Optional<Product> findById(UUID id) {
        return byKey.get("id:" + id, k ->
                list("SELECT " + COLUMNS + " FROM product WHERE id = ?", List.of(id)).stream().findFirst());
    }

    public Optional<Product> findBySku(String sku) {
        return byKey.get("sku:" + sku, k ->
                list("SELECT " + COLUMNS + " FROM product WHERE sku = ?", List.of(sku)).stream().findFirst());
    }

    public List<Category> categories() {
        return categories.get("all", k -> loadCategories());
    }

    private List<Category> loadCategories() {
        String sql = "SELECT c.slug, c.name, c.description, count(p.id) FROM category c "
                + "LEFT JOIN product p ON p.category = c.slug GROUP BY c.slug, c.name, c.description ORDER BY c.name";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            List<Category> categories = new ArrayList<>();
            while (rs.next()) {
                categories.add(new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
            return categories;
        } catch (SQLException e) {
            throw new IllegalStateException("listing categories failed", e);
        }
    }

    public boolean categoryExists(String slug) {
        return categories().stream().anyMatch(c -> c.slug().equals(slug));
    }

    /** Inserts the product and its ProductUpserted event in one transaction; false when its SKU is taken. */
    public boolean insert(Product p) {
        String sql = "INSERT INTO product (" + COLUMNS.replace("::text", "") + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (sku) DO NOTHING";
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, List.of(p.id(), p.sku(), p.name(), p.description(), p.brand(), p.category(),
                        p.price().value(), p.price().currency(), nullable(p.imageUrl()), toJson(p.attributes()),
                        Timestamp.from(p.createdAt()), Timestamp.from(p.updatedAt())));
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            outbox.append(c, ProductEvents.upserted(p, 1));
            return true;
        });
    }

    /** Replaces the product's fields and records ProductUpserted; false when no product has that id. */
    public boolean update(Product p) {
        String sql = "UPDATE product SET sku = ?, name = ?, description = ?, brand = ?, category = ?, "
                + "price_amount = ?, currency = ?, image_url = ?, attributes = ?::jsonb, updated_at = ?, "
                + "version = version + 1 WHERE id = ? RETURNING version, created_at";
        return write(c -> {
            long version;
            Instant created;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, List.of(p.sku(), p.name(), p.description(), p.brand(), p.category(),
                        p.price().value(), p.price().currency(), nullable(p.imageUrl()), toJson(p.attributes()),
                        Timestamp.from(p.updatedAt()), p.id()));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    version = rs.getLong(1);
                    created = rs.getTimestamp(2).toInstant();
                }
            }
            Product stored = new Product(p.id(), p.sku(), p.name(), p.description(), p.brand(), p.category(),
                    p.price(), p.imageUrl(), p.attributes(), created, p.updatedAt());
            outbox.append(c, ProductEvents.upserted(stored, version));
            return true;
        });
    }

    /** Deletes the product and records ProductDeleted; false when no product has that id. */
    public boolean delete(UUID id) {
        return write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM product WHERE id = ? RETURNING sku, version")) {
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    outbox.append(c, ProductEvents.deleted(id, rs.getString(1), rs.getLong(2) + 1));
                    return true;
                }
            }
        });
    }

    /**
     * Announces every product (ProductUpserted with its current version) if the catalog holds
     * products that were stored before it published events; once, in one transaction.
     */
    public int announceUnpublishedProducts() {
        int[] announced = {0};
        write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT pending FROM product_announcement WHERE id = 1 FOR UPDATE");
                 ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", version FROM product ORDER BY id");
                 ResultSet rs = s.executeQuery()) {
                List<OutboxEvent> batch = new ArrayList<>();
                while (rs.next()) {
                    batch.add(ProductEvents.upserted(product(rs), rs.getLong(13)));
                    if (batch.size() == 1_000) {
                        outbox.appendAll(c, batch);
                        announced[0] += batch.size();
                        batch.clear();
                    }
                }
                outbox.appendAll(c, batch);
                announced[0] += batch.size();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE product_announcement SET pending = false WHERE id = 1")) {
                s.executeUpdate();
            }
            return true;
        });
        return announced[0];
    }

    public boolean skuTakenByAnother(String sku, UUID id) {
        return findBySku(sku).filter(p -> !p.id().equals(id)).isPresent();
    }

    private List<Product> list(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                List<Product> products = new ArrayList<>();
                while (rs.next()) {
                    products.add(product(rs));
                }
                return products;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading products failed", e);
        }
    }

    @FunctionalInterface
    private interface Write {
        boolean apply(Connection c) throws SQLException;
    }

    /**
     * Runs a change and its events in one transaction: both commit or neither does. Every write
     * empties both caches: writes are rare, and a partial invalidation is easy to get wrong.
     */
    private boolean write(Write work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                boolean changed = work.apply(c);
                c.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing products failed", e);
        } finally {
            byKey.invalidateAll();
            categories.invalidateAll();
        }
    }

    private Product product(ResultSet rs) throws SQLException {
        return new Product(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), Money.of(rs.getBigDecimal(7), rs.getString(8)), rs.getString(9),
                fromJson(rs.getString(10)), rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant());
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value == NULL_TEXT) {
                s.setNull(i + 1, Types.VARCHAR);
            } else {
                s.setObject(i + 1, value);
            }
        }
    }

    /** List.of refuses nulls; this marker stands for a SQL NULL text value. */
    private static final Object NULL_TEXT = new Object();

    private static Object nullable(String value) {
        return value == null ? NULL_TEXT : value;
    }

    private String toJson(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes == null ? Map.of() : attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes are not serializable", e);
        }
    }

    private Map<String, String> fromJson(String text) {
        try {
            return json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not valid JSON", e);
        }
    }
}
