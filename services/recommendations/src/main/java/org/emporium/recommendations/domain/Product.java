package org.emporium.recommendations.domain;

import java.util.Map;

/**
 * A product's catalog data as the model knows it. The price amount is decimal text.
 *
 * @param attributes the catalog's attribute values (name → value, such as {@code colour → blue}):
 *                   what "similar products" compare; empty in answers, which do not show them
 */
public record Product(String sku, String name, String brand, String category, String amount, String currency,
                      String imageUrl, Map<String, String> attributes) {

    public Product {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A product without attributes (as answers carry it). */
    public Product(String sku, String name, String brand, String category, String amount, String currency,
                   String imageUrl) {
        this(sku, name, brand, category, amount, currency, imageUrl, Map.of());
    }
}
