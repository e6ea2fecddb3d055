package org.emporium.storefront.web;

import io.quarkus.qute.RawString;
import org.emporium.storefront.client.Product;
import org.emporium.storefront.client.SearchResults;

/**
 * A product in a grid: just what the card shows, already formatted. {@code snippet} is set only
 * on search results: the matched words in context, sanitized HTML with {@code <mark>} highlights.
 */
public record ProductCard(String sku, String name, String brand, String price, String imageUrl, String href, RawString snippet) {

    static ProductCard of(Product p) {
        return new ProductCard(p.sku(), p.name(), p.brand(), PriceFormat.format(p.price()), ProductImage.url(p), "/p/" + p.sku(), null);
    }

    static ProductCard of(SearchResults.Hit hit) {
        return new ProductCard(hit.sku(), hit.name(), hit.brand(), PriceFormat.format(hit.price()),
                ProductImage.url(hit.imageUrl(), hit.sku()), "/p/" + SearchLinks.encode(hit.sku()), Snippet.html(hit.snippet()));
    }
}
