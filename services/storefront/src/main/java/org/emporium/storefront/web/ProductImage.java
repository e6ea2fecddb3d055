package org.emporium.storefront.web;

import org.emporium.storefront.client.Product;

/** Where a product's picture is: the catalog's image URL if it gave a local one, else our generated placeholder. */
final class ProductImage {

    private ProductImage() {
    }

    static String url(Product p) {
        String url = p.imageUrl();
        // only site-relative paths: an absolute URL to another host would leak visitors' IPs and
        // break a strict Content-Security-Policy on img-src
        if (url != null && url.startsWith("/") && !url.startsWith("//")) {
            return url;
        }
        return "/images/products/" + p.sku() + ".svg";
    }
}
