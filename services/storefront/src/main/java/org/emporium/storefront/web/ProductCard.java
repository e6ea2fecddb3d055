package org.emporium.storefront.web;

import org.emporium.storefront.client.Product;

/** A product in a grid: just what the card shows, already formatted. */
public record ProductCard(String name, String brand, String price, String imageUrl, String href) {

    static ProductCard of(Product p) {
        return new ProductCard(p.name(), p.brand(), PriceFormat.format(p.price()), ProductImage.url(p), "/p/" + p.sku());
    }
}
