package org.emporium.storefront.client.catalog;

import java.util.Map;
import org.emporium.storefront.client.Money;

/** A product as the catalog describes it; fields the storefront does not show are ignored. */
public record Product(String id, String sku, String name, String description, String brand,
                      String category, Money price, String imageUrl, Map<String, Object> attributes) {

    public Product {
        attributes = attributes == null ? Map.of() : attributes;
    }
}
