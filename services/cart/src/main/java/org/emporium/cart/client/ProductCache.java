package org.emporium.cart.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The products of {@code skus} the catalog knows: those kept answer at once, the others are asked
     * for at the same time (one call each). A SKU the catalog does not know, or whose product it
     * cannot give now, is missing from the answer; never fails. One lookup for a whole cart, where one
     * per line cost the cart view a fifth of the service's CPU under add-to-cart load (40 lines).
     */
    public Uni<Map<String, Product>> products(Collection<String> skus) {
        return products.getAll(skus, this::load).map(ProductCache::known).onFailure().recoverWithItem(Map.of());
    }

    /** The same, asked of the catalog now whatever is kept; what it answers is kept. */
    public Uni<Map<String, Product>> fresh(Collection<String> skus) {
        skus.forEach(products::invalidate);
        return products(skus);
    }

    /** Each SKU asked for on its own; one the catalog does not know or cannot give now is left out, so not kept. */
    private Uni<Map<String, Optional<Product>>> load(Set<String> skus) {
        List<Uni<Map.Entry<String, Optional<Product>>>> asks = skus.stream()
                .map(sku -> catalog.product(sku).map(p -> Map.entry(sku, p)).onFailure().recoverWithNull())
                .toList();
        return Uni.join().all(asks).andFailFast().map(answers -> {
            Map<String, Optional<Product>> found = new HashMap<>();
            answers.stream().filter(a -> a != null && a.getValue().isPresent()).forEach(a -> found.put(a.getKey(), a.getValue()));
            return found;
        });
    }

    private static Map<String, Product> known(Map<String, Optional<Product>> kept) {
        Map<String, Product> known = new HashMap<>();
        kept.forEach((sku, product) -> product.ifPresent(p -> known.put(sku, p)));
        return known;
    }
}
