package org.emporium.storefront.client.catalog;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.ExpiringCache;

/**
 * The catalog as the pages see it: short-lived caches in front of {@link GuardedCatalog}. Catalog
 * data changes rarely, so a few seconds of staleness buy page views that cost no catalog call at
 * all; a cache hit also never waits on an open circuit breaker. Caches are bounded to stay well
 * inside a small heap (a listing holds up to a page of products). While the catalog is slow or
 * failing, a page seen before is served from its last good answer after the patience (0.6 s by
 * default) instead of waiting out the timeout for an error page: a catalog 2 s slow, or down, leaves
 * the pages shoppers already saw working.
 */
@ApplicationScoped
public class CatalogClient {

    /** The key of the single category list. */
    private static final String ALL = "all";

    private final GuardedCatalog catalog;
    private final KnownCategories known;
    private final ExpiringCache<String, List<Category>> categories;
    private final ExpiringCache<String, Optional<Product>> products;
    private final ExpiringCache<ProductQuery, ProductPage> listings;

    CatalogClient(GuardedCatalog catalog, KnownCategories known,
                  @ConfigProperty(name = "storefront.cache.categories-ttl") Duration categoriesTtl,
                  @ConfigProperty(name = "storefront.cache.products-ttl") Duration productsTtl,
                  @ConfigProperty(name = "storefront.cache.products-size") long productsSize,
                  @ConfigProperty(name = "storefront.cache.listings-ttl") Duration listingsTtl,
                  @ConfigProperty(name = "storefront.cache.listings-size") long listingsSize,
                  @ConfigProperty(name = "storefront.cache.catalog-patience") Duration patience,
                  @ConfigProperty(name = "storefront.cache.catalog-max-stale") Duration maxStale) {
        this.catalog = catalog;
        this.known = known;
        ExpiringCache.Staleness staleness = new ExpiringCache.Staleness(patience, maxStale);
        this.categories = new ExpiringCache<>(categoriesTtl, 1, staleness);
        this.products = new ExpiringCache<>(productsTtl, productsSize, staleness);
        this.listings = new ExpiringCache<>(listingsTtl, listingsSize, staleness);
    }

    /** All categories, in the catalog's order; while the catalog is down, the last list it gave. */
    public Uni<List<Category>> categories() {
        return categories.get(ALL, k -> catalog.categories());
    }

    /** The product with this SKU, or empty if the catalog has none. */
    public Uni<Optional<Product>> product(String sku) {
        return products.get(sku, catalog::product);
    }

    public Uni<ProductPage> products(ProductQuery query) {
        return listings.get(query, catalog::products);
    }

    /** Categories as last seen, without calling the catalog: for pages rendered because something failed. */
    public List<Category> knownCategories() {
        return known.get();
    }

    /** Forgets every cached answer; the next page views ask the catalog again. */
    public void invalidateCaches() {
        categories.invalidateAll();
        products.invalidateAll();
        listings.invalidateAll();
    }
}
