package org.emporium.cart.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emporium.platform.upstream.ExpiringCache;

/**
 * The catalog's products by SKU, each kept for a few seconds after the catalog gave it. Every
 * change of a cart answers with the whole cart, so without this each add asked the catalog once per
 * line: a cart of 40 lines cost 40 catalog calls per add (58-81 adds/s, the cart service's CPU
 * mostly spent on its client side). Names and prices change rarely, and a cart shows them as the
 * storefront's product pages do, at most {@code emporium.cart.product-cache-ttl} old. Orders asks
 * for the cart with {@code Cache-Control: no-cache} when an order is placed, and gets the catalog's
 * prices of that moment. A SKU the catalog does not know is not kept, so a
 * product created a moment ago can be added at once.
 */
@ApplicationScoped
public class ProductCache {

    private final GuardedCatalog catalog;
    private final ExpiringCache<String, Optional<Product>> products;

    ProductCache(GuardedCatalog catalog,
                 @ConfigProperty(name = "emporium.cart.product-cache-ttl") Duration ttl,
                 @ConfigProperty(name = "emporium.cart.product-cache-size") long size) {
        this.catalog = catalog;
        this.products = new ExpiringCache<>(ttl, size);
    }

    /** The product with this SKU, or empty if the catalog has none; fails as {@link GuardedCatalog#product} does. */
    public Uni<Optional<Product>> product(String sku) {
        return products.get(sku, catalog::product).invoke(product -> {
            if (product.isEmpty()) {
                products.invalidate(sku);
            }
        });
    }

    /** The same, asked of the catalog now whatever is kept; what it answers is kept. */
    public Uni<Optional<Product>> fresh(String sku) {
        products.invalidate(sku);
        return product(sku);
    }
}
