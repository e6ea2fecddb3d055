package org.emporium.storefront.web.catalog;

import java.util.List;
import org.emporium.storefront.client.catalog.Category;
import org.emporium.storefront.client.catalog.Product;
import org.emporium.storefront.web.layout.PriceFormat;

/**
 * Everything the product page shows, formatted; the category name comes from the category list,
 * the stock from inventory ({@link Availability#UNKNOWN} when inventory couldn't say); {@code sizes}
 * to choose from before adding to the cart (empty: one size).
 */
public record ProductDetails(String sku, String name, String brand, String description, String price,
                             String imageUrl, String categoryHref, String categoryName,
                             List<AttributeRow> attributes, Availability availability, List<String> sizes) {

    static ProductDetails of(Product p, List<Category> categories) {
        return of(p, categories, Availability.UNKNOWN);
    }

    static ProductDetails of(Product p, List<Category> categories, Availability availability) {
        String categoryName = categories.stream()
                .filter(c -> c.slug().equals(p.category()))
                .map(Category::name)
                .findFirst()
                // categories unknown (catalog list unavailable): the slug is still a usable label
                .orElse(p.category());
        String categoryHref = p.category() == null || p.category().isBlank() ? null : "/c/" + p.category();
        return new ProductDetails(p.sku(), p.name(), p.brand(), p.description(), PriceFormat.format(p.price()),
                ProductImage.url(p), categoryHref, categoryName, AttributeRow.from(p.attributes()), availability, p.sizes());
    }
}
