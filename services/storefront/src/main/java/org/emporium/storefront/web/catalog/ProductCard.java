package org.emporium.storefront.web.catalog;

import io.quarkus.qute.RawString;
import org.emporium.storefront.client.catalog.Product;
import org.emporium.storefront.client.search.SearchResults;
import org.emporium.storefront.web.layout.PriceFormat;
import org.emporium.storefront.web.search.SearchLinks;
import org.emporium.storefront.web.search.Snippet;

/**
 * A product in a grid: just what the card shows, already formatted. {@code snippet} is set only
 * on search results: the matched words in context, sanitized HTML with {@code <mark>} highlights.
 * A product that comes in sizes has a "Choose a size" link to its page instead of an add button.
 */
public record ProductCard(String sku, String name, String brand, String price, String imageUrl, String href, RawString snippet,
                          boolean hasSizes) {

    public static ProductCard of(Product p) {
        return new ProductCard(p.sku(), p.name(), p.brand(), PriceFormat.format(p.price()), ProductImage.url(p), "/p/" + p.sku(), null,
                !p.sizes().isEmpty());
    }

    public static ProductCard of(SearchResults.Hit hit) {
        return new ProductCard(hit.sku(), hit.name(), hit.brand(), PriceFormat.format(hit.price()),
                // search's hits do not say whether a product comes in sizes: the cart says so if one is needed
                ProductImage.url(hit.imageUrl(), hit.sku()), "/p/" + SearchLinks.encode(hit.sku()), Snippet.html(hit.snippet()), false);
    }
}
