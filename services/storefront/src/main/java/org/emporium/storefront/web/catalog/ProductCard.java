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
 */
public record ProductCard(String sku, String name, String brand, String price, String imageUrl, String href, RawString snippet) {

    public static ProductCard of(Product p) {
        return new ProductCard(p.sku(), p.name(), p.brand(), PriceFormat.format(p.price()), ProductImage.url(p), "/p/" + p.sku(), null);
    }

    public static ProductCard of(SearchResults.Hit hit) {
        return new ProductCard(hit.sku(), hit.name(), hit.brand(), PriceFormat.format(hit.price()),
                ProductImage.url(hit.imageUrl(), hit.sku()), "/p/" + SearchLinks.encode(hit.sku()), Snippet.html(hit.snippet()));
    }
}
