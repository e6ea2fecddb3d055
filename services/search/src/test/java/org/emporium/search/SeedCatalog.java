package org.emporium.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.emporium.catalog.seed.CatalogSeed;
import org.emporium.catalog.seed.SeedProduct;
import org.emporium.search.index.Product;
import org.emporium.search.index.SearchIndex;

/** The seeded catalog shoppers see, as the index receives it (ids derived from SKUs, like catalog does). */
public final class SeedCatalog {

    private static List<Product> products;

    private SeedCatalog() {
    }

    public static synchronized List<Product> products() {
        if (products == null) {
            List<SeedProduct> seed = CatalogSeed.products();
            Instant start = Instant.parse("2025-01-01T00:00:00Z");
            products = java.util.stream.IntStream.range(0, seed.size())
                    .mapToObj(i -> product(seed.get(i), start.plusSeconds(i)))
                    .toList();
        }
        return products;
    }

    public static String id(String sku) {
        return UUID.nameUUIDFromBytes(("product:" + sku).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Product product(SeedProduct p, Instant created) {
        return new Product(id(p.sku()), p.sku(), p.name(), p.description(), p.brand(), p.categorySlug(),
                p.price().setScale(2, java.math.RoundingMode.HALF_UP), "USD",
                "/images/" + p.sku().toLowerCase() + ".jpg", p.attributes(), created, 1);
    }

    /** An in-memory index of the whole seed, refreshed. */
    public static SearchIndex index() throws java.io.IOException {
        SearchIndex index = SearchIndex.inMemory();
        for (Product p : products()) {
            index.upsert(p);
        }
        index.refresh();
        return index;
    }
}
