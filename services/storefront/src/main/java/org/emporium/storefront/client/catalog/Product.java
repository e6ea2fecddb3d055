package org.emporium.storefront.client.catalog;

import java.util.List;
import java.util.Map;
import org.emporium.storefront.client.Money;

/**
 * A product as the catalog describes it; fields the storefront does not show are ignored.
 * {@code options} are what a shopper chooses when buying it, by name, in order
 * ({@code {"size": ["S", "M", "L", "XL"]}}), empty for most products.
 */
public record Product(String id, String sku, String name, String description, String brand,
                      String category, Money price, String imageUrl, Map<String, Object> attributes,
                      Map<String, List<String>> options) {

    public Product {
        attributes = attributes == null ? Map.of() : attributes;
        options = options == null ? Map.of() : options;
    }

    public Product(String id, String sku, String name, String description, String brand, String category, Money price,
                   String imageUrl, Map<String, Object> attributes) {
        this(id, sku, name, description, brand, category, price, imageUrl, attributes, Map.of());
    }

    /** The sizes to choose from, in order; empty when the product comes in one size. */
    public List<String> sizes() {
        return options.getOrDefault("size", List.of());
    }
}
