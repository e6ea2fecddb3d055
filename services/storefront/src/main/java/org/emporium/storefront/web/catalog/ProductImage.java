package org.emporium.storefront.web.catalog;

import org.emporium.storefront.client.catalog.Product;
import org.emporium.storefront.web.search.SearchLinks;

/** Where a product's picture is: the catalog's image URL if it gave a local one, else our generated placeholder. */
final class ProductImage {

    private ProductImage() {
    }

    static String url(Product p) {
        return url(p.imageUrl(), p.sku());
    }

    static String url(String imageUrl, String sku) {
        // only site-relative paths: an absolute URL to another host would leak visitors' IPs and
        // break a strict Content-Security-Policy on img-src
        if (imageUrl != null && imageUrl.startsWith("/") && !imageUrl.startsWith("//")) {
            return imageUrl;
        }
        return "/images/products/" + SearchLinks.encode(sku) + ".svg";
    }
}
